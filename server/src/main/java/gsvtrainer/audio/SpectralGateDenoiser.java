package gsvtrainer.audio;

import java.util.Arrays;

/**
 * Stationary-noise reduction by spectral gating: the noise spectrum is taken from the quietest
 * frames (pauses), each time-frequency bin gets a soft gain from how far it rises above that noise,
 * the gains are smoothed over time and frequency (against "musical noise"), floored at the configured
 * reduction, and the signal is rebuilt by overlap-add, sample-aligned with the input.
 */
public final class SpectralGateDenoiser {

    private static final double QUIET_FRACTION = 0.15;
    /** How far above the noise's mean magnitude a bin must rise to pass unchanged (power ratio). */
    private static final double GATE_POWER = 2.0;
    private static final int SMOOTH_FRAMES = 2;
    private static final int SMOOTH_BINS = 2;

    private final float floor;

    /** @param reductionDb how far noise-only bins are attenuated */
    public SpectralGateDenoiser(double reductionDb) {
        this.floor = (float) Math.pow(10, -reductionDb / 20);
    }

    public MonoAudio denoise(MonoAudio audio) {
        float[] x = audio.samples();
        Stft stft = new Stft(fftSize(audio.sampleRate()));
        float[][] spectra = stft.forward(x);
        int bins = stft.bins();
        float[][] magnitude = new float[spectra.length][bins];
        for (int f = 0; f < spectra.length; f++) {
            for (int k = 0; k < bins; k++) {
                magnitude[f][k] = Stft.magnitude(spectra[f], k);
            }
        }
        double[] noisePower = noisePower(magnitude);
        float[][] gains = new float[spectra.length][bins];
        for (int f = 0; f < spectra.length; f++) {
            for (int k = 0; k < bins; k++) {
                double power = (double) magnitude[f][k] * magnitude[f][k];
                double gate = GATE_POWER * noisePower[k];
                gains[f][k] = power <= 0 ? 0f : (float) Math.max(0, 1 - gate / power);
            }
        }
        float[][] smooth = MaskSmoothing.boxBlur(gains, SMOOTH_FRAMES, SMOOTH_BINS);
        for (int f = 0; f < spectra.length; f++) {
            for (int k = 0; k < bins; k++) {
                Stft.scale(spectra[f], k, floor + (1 - floor) * smooth[f][k]);
            }
        }
        return new MonoAudio(stft.inverse(spectra, x.length), audio.sampleRate());
    }

    /** Per-bin mean power of the quietest frames. */
    private static double[] noisePower(float[][] magnitude) {
        int frames = magnitude.length;
        int bins = magnitude[0].length;
        double[] energy = new double[frames];
        Integer[] order = new Integer[frames];
        for (int f = 0; f < frames; f++) {
            for (int k = 0; k < bins; k++) {
                energy[f] += (double) magnitude[f][k] * magnitude[f][k];
            }
            order[f] = f;
        }
        Arrays.sort(order, (a, b) -> Double.compare(energy[a], energy[b]));
        int quiet = Math.max(1, (int) (frames * QUIET_FRACTION));
        double[] noise = new double[bins];
        for (int i = 0; i < quiet; i++) {
            for (int k = 0; k < bins; k++) {
                double m = magnitude[order[i]][k];
                noise[k] += m * m / quiet;
            }
        }
        return noise;
    }

    /** The power of two at or under 48 ms of samples: 512 at 16 kHz, 1024 at 32 kHz. */
    static int fftSize(int sampleRate) {
        return Math.max(256, Integer.highestOneBit((int) (sampleRate * 0.048)));
    }
}
