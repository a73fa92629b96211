"""Empty stand-in: lets the preflight find torch in the stand-in checkout."""
