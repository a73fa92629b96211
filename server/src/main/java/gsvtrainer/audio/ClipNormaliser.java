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
     * Normalises the first {@code length} samples of a 16-bit clip in place, as upstream normalises
     * the clip as floats and writes them: each sample as a float of full scale, times the gain, rounded
     * to a float, clamped to [-1, 1] and written as {@code (short) (x * 32767)}, truncated. Returns
     * false, leaving it untouched, for an all-zero clip (upstream would divide by zero there).
     */
    boolean normalise(short[] clip, int length) {
        int peak = 0;
        for (int i = 0; i < length; i++) {
            peak = Math.max(peak, Math.abs(clip[i]));
        }
        if (peak == 0) {
            return false;
        }
        double gain = gain(peak / 32768.0);
        // every sample is one of the 2 * peak + 1 values within the peak: each is worked out once, and
        // -s as -(s): scaling, clamping and truncating towards zero keep the sign exactly
        short[] normalised = new short[2 * peak + 1];
        for (int s = 0; s <= peak; s++) {
            float scaled = (float) ((s * 0x1p-15f) * gain); // s / 32768f exactly: a power of two
            short value = (short) (Math.min(1f, scaled) * 32767f);
            normalised[peak + s] = value;
            normalised[peak - s] = (short) -value;
        }
        for (int i = 0; i < length; i++) {
            clip[i] = normalised[clip[i] + peak];
        }
        return true;
    }

    /** The factor that normalises a clip peaking at {@code peak} (of full scale, above 0). */
    private double gain(double peak) {
        double scale = peak > 1 ? 1 / peak : 1;
        return scale * (normMax * alpha / (peak * scale) + (1 - alpha));
    }
}
