package gsvtrainer.audio;

/**
 * Upstream's per-clip loudness normalisation from {@code tools/slice_audio.py}: the clip is mixed
 * with a copy of itself scaled to a peak of {@code normMax}, in the proportion {@code alpha}:
 * {@code clip / peak * (normMax * alpha) + (1 - alpha) * clip}. A clip peaking over full scale (never
 * the case for 16-bit input) is first scaled to a peak of 1, as upstream intends.
 */
final class ClipNormaliser {

    private final double normMax;
    private final double alpha;

    ClipNormaliser(double normMax, double alpha) {
        this.normMax = normMax;
        this.alpha = alpha;
    }

    /**
     * Normalises {@code clip} in place. Returns false, leaving it untouched, for an all-zero clip
     * (upstream would divide by zero there).
     */
    boolean normalise(float[] clip) {
        double peak = 0;
        for (float s : clip) {
            peak = Math.max(peak, Math.abs(s));
        }
        if (peak == 0) {
            return false;
        }
        double scale = peak > 1 ? 1 / peak : 1;
        double gain = scale * (normMax * alpha / (peak * scale) + (1 - alpha));
        for (int i = 0; i < clip.length; i++) {
            clip[i] = (float) (clip[i] * gain);
        }
        return true;
    }
}
