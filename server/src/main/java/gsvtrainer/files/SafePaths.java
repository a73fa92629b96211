package gsvtrainer.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves a client-given relative path inside a root folder, refusing anything that could lead out
 * of it: {@code ..}, absolute paths, backslashes, NUL and control characters, and symlinks whose
 * target lies outside the root.
 */
public final class SafePaths {

    private SafePaths() {
    }

    /** The file, or empty when the path is not allowed or leads outside the root. */
    public static Optional<Path> resolve(Path root, String relative) {
        if (relative == null || relative.isEmpty() || relative.length() > 1024) {
            return Optional.empty();
        }
        for (char c : relative.toCharArray()) {
            if (c < 0x20 || c == '\\' || c == 0x7f || c == ':') {
                return Optional.empty();
            }
        }
        if (relative.startsWith("/") || relative.startsWith("~")) {
            return Optional.empty();
        }
        for (String part : relative.split("/")) {
            if (part.equals("..") || part.equals(".") || part.isEmpty()) {
                return Optional.empty();
            }
        }
        try {
            Path normalRoot = root.toAbsolutePath().normalize();
            Path candidate = normalRoot.resolve(relative).normalize();
            if (!candidate.startsWith(normalRoot)) {
                return Optional.empty();
            }
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(candidate);
            }
            Path realRoot = normalRoot.toRealPath();
            Path real = candidate.toRealPath();
            return real.startsWith(realRoot) ? Optional.of(candidate) : Optional.empty();
        } catch (InvalidPathException | IOException e) {
            return Optional.empty();
        }
    }

    /** A plain file name (no separators), as used by the v1 download-by-name endpoint. */
    public static boolean isPlainName(String name) {
        return name != null && !name.isEmpty() && name.length() <= 255 && !name.contains("/")
                && !name.contains("\\") && !name.equals(".") && !name.equals("..")
                && name.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }
}
