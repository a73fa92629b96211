package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SpectralGateDenoiserTest {

    private final MonoAudio clean = Fixtures.wav("clean.wav");
    private final MonoAudio noisy = Fixtures.wav("noisy.wav");

    @Test
    void raisesTheEstimatedSnrByAtLeast6DbKeepingTheSpeechAligned() {
        MonoAudio denoised = new SpectralGateDenoiser(18).denoise(noisy);

        double before = SnrEstimator.estimateDb(noisy);
        double after = SnrEstimator.estimateDb(denoised);
        double correlationBefore = correlation(noisy.samples(), clean.samples());
        double correlationAfter = correlation(denoised.samples(), clean.samples());
        System.out.printf("SNR %.1f -> %.1f dB, correlation with clean %.4f -> %.4f%n", before, after,
                correlationBefore, correlationAfter);

        assertThat(denoised.samples()).hasSameSizeAs(noisy.samples());
        assertThat(after - before).isGreaterThanOrEqualTo(6);
        assertThat(correlationAfter).isGreaterThan(correlationBefore);
        assertThat(bestLag(denoised.samples(), clean.samples(), 40)).isZero();
    }

    @Test
    void leavesCleanSpeechAlmostUntouched() {
        MonoAudio denoised = new SpectralGateDenoiser(18).denoise(Fixtures.wav("en_1.wav"));

        assertThat(correlation(denoised.samples(), Fixtures.wav("en_1.wav").samples())).isGreaterThan(0.98);
    }

    @Test
    void noReductionIsAnIdentityUpToRounding() {
        MonoAudio out = new SpectralGateDenoiser(0).denoise(noisy);

        for (int i = 0; i < out.samples().length; i += 97) {
            assertThat(out.samples()[i]).isCloseTo(noisy.samples()[i], within(1e-4f));
        }
    }

    static double correlation(float[] a, float[] b) {
        return lagged(a, b, 0);
    }

    private static int bestLag(float[] a, float[] b, int maxLag) {
        int best = 0;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            if (lagged(a, b, lag) > lagged(a, b, best)) {
                best = lag;
            }
        }
        return best;
    }

    private static double lagged(float[] a, float[] b, int lag) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = Math.max(0, -lag); i < Math.min(a.length, b.length - lag); i++) {
            ab += (double) a[i] * b[i + lag];
            aa += (double) a[i] * a[i];
            bb += (double) b[i + lag] * b[i + lag];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
