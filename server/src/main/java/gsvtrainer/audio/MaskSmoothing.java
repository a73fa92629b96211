package gsvtrainer.audio;

/** A separable moving-average blur of a time-frequency mask, edges averaging over what exists. */
final class MaskSmoothing {

    private MaskSmoothing() {
    }

    static float[][] boxBlur(float[][] mask, int radiusFrames, int radiusBins) {
        return alongTime(alongFrequency(mask, radiusBins), radiusFrames);
    }

    private static float[][] alongFrequency(float[][] mask, int radius) {
        float[][] out = new float[mask.length][];
        for (int f = 0; f < mask.length; f++) {
            int bins = mask[f].length;
            out[f] = new float[bins];
            for (int k = 0; k < bins; k++) {
                float sum = 0;
                int from = Math.max(0, k - radius);
                int to = Math.min(bins - 1, k + radius);
                for (int j = from; j <= to; j++) {
                    sum += mask[f][j];
                }
                out[f][k] = sum / (to - from + 1);
            }
        }
        return out;
    }

    private static float[][] alongTime(float[][] mask, int radius) {
        int frames = mask.length;
        float[][] out = new float[frames][];
        for (int f = 0; f < frames; f++) {
            int bins = mask[f].length;
            out[f] = new float[bins];
            int from = Math.max(0, f - radius);
            int to = Math.min(frames - 1, f + radius);
            for (int g = from; g <= to; g++) {
                for (int k = 0; k < bins; k++) {
                    out[f][k] += mask[g][k];
                }
            }
            for (int k = 0; k < bins; k++) {
                out[f][k] /= to - from + 1;
            }
        }
        return out;
    }
}
