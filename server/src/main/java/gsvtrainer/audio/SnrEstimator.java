package gsvtrainer.audio;

import java.util.Arrays;

/**
 * Estimates a clip's signal-to-noise ratio without a reference: the mean energy of its loudest 20 ms
 * frames (top 20 %) over that of its quietest (bottom 10 %), which in speech are pauses holding only
 * the noise floor. Clips without pauses read low; digital silence caps the result at 120 dB.
 */
public final class SnrEstimator {

    static final double MAX_DB = 120;
    private static final double FRAME_SECONDS = 0.02;
    private static final double QUIET_FRACTION = 0.10;
    private static final double LOUD_FRACTION = 0.20;

    private SnrEstimator() {
    }

    public static double estimateDb(MonoAudio audio) {
        float[] x = audio.samples();
        int frame = frameLength(audio.sampleRate());
        double[] energy = new double[x.length / frame];
        for (int f = 0; f < energy.length; f++) {
            double sum = 0;
            for (int i = f * frame; i < (f + 1) * frame; i++) {
                sum += (double) x[i] * x[i];
            }
            energy[f] = sum / frame;
        }
        return fromFrameEnergies(energy);
    }

    /** Samples in one frame at this rate. */
    static int frameLength(int sampleRate) {
        return Math.max(1, (int) (sampleRate * FRAME_SECONDS));
    }

    /** The estimate from the mean energies of a clip's frames, which it sorts. */
    static double fromFrameEnergies(double[] energy) {
        int frames = energy.length;
        if (frames < 2) {
            return 0;
        }
        Arrays.sort(energy);
        int quiet = Math.max(1, (int) (frames * QUIET_FRACTION));
        int loud = Math.max(1, (int) (frames * LOUD_FRACTION));
        double noise = Arrays.stream(energy, 0, quiet).average().orElse(0);
        double signal = Arrays.stream(energy, frames - loud, frames).average().orElse(0);
        if (signal <= 0) {
            return 0;
        }
        return noise <= 0 ? MAX_DB : Math.min(MAX_DB, 10 * Math.log10(signal / noise));
    }
}
