package gsvtrainer.audio;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Short-time Fourier transform with a periodic Hann window, hop a quarter of the window, and its
 * inverse by weighted overlap-add. The signal is zero-padded by half a window at both ends, so the
 * inverse returns exactly as many samples as went in, aligned with them.
 */
final class Stft {

    private final int size;
    private final int hop;
    private final float[] window;
    private final FloatFFT_1D fft;

    Stft(int size) {
        this.size = size;
        this.hop = size / 4;
        this.window = new float[size];
        for (int i = 0; i < size; i++) {
            window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / size));
        }
        this.fft = new FloatFFT_1D(size);
    }

    int bins() {
        return size / 2 + 1;
    }

    /** Frames of JTransforms' packed real spectrum: {@code [re0, reN/2, re1, im1, re2, im2, ...]}. */
    float[][] forward(float[] signal) {
        int frames = (signal.length + size / 2) / hop + 1;
        float[][] spectra = new float[frames][size];
        for (int f = 0; f < frames; f++) {
            int start = f * hop - size / 2;
            for (int i = 0; i < size; i++) {
                int n = start + i;
                spectra[f][i] = n >= 0 && n < signal.length ? signal[n] * window[i] : 0f;
            }
            fft.realForward(spectra[f]);
        }
        return spectra;
    }

    /** Inverts {@link #forward} (consuming the spectra) back to {@code length} samples. */
    float[] inverse(float[][] spectra, int length) {
        float[] out = new float[length];
        float[] weight = new float[length];
        for (int f = 0; f < spectra.length; f++) {
            fft.realInverse(spectra[f], true);
            int start = f * hop - size / 2;
            for (int i = 0; i < size; i++) {
                int n = start + i;
                if (n >= 0 && n < length) {
                    out[n] += spectra[f][i] * window[i];
                    weight[n] += window[i] * window[i];
                }
            }
        }
        for (int n = 0; n < length; n++) {
            out[n] = weight[n] > 1e-6f ? out[n] / weight[n] : 0f;
        }
        return out;
    }

    /** Magnitude of bin {@code k} of a packed spectrum. */
    static float magnitude(float[] spectrum, int k) {
        int last = spectrum.length / 2;
        if (k == 0) {
            return Math.abs(spectrum[0]);
        }
        if (k == last) {
            return Math.abs(spectrum[1]);
        }
        return (float) Math.hypot(spectrum[2 * k], spectrum[2 * k + 1]);
    }

    /** Multiplies bin {@code k} of a packed spectrum by {@code gain}. */
    static void scale(float[] spectrum, int k, float gain) {
        int last = spectrum.length / 2;
        if (k == 0) {
            spectrum[0] *= gain;
        } else if (k == last) {
            spectrum[1] *= gain;
        } else {
            spectrum[2 * k] *= gain;
            spectrum[2 * k + 1] *= gain;
        }
    }
}
