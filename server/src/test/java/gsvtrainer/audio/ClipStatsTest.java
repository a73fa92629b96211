package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClipStatsTest {

    @Test
    void measuresCleanSpeechAsUsable() throws Exception {
        ClipStats stats = ClipStats.ofWav(Fixtures.file("en_2.wav"));

        assertThat(stats.durationSeconds()).isCloseTo(2.72, within(0.05));
        assertThat(stats.peakDbfs()).isBetween(-12.0, 0.0);
        assertThat(stats.rmsDbfs()).isBetween(-35.0, -10.0);
        assertThat(stats.clippingRatio()).isZero();
        assertThat(stats.clipped()).isFalse();
        assertThat(stats.nearSilent()).isFalse();
    }

    @Test
    void flagsTheClippedFixture() throws Exception {
        ClipStats stats = ClipStats.ofWav(Fixtures.file("clipped.wav"));

        assertThat(stats.peakDbfs()).isCloseTo(0, within(0.01));
        assertThat(stats.clippingRatio()).isGreaterThan(0.01);
        assertThat(stats.clipped()).isTrue();
        assertThat(stats.nearSilent()).isFalse();
    }

    @Test
    void flagsTheNearSilentFixture() throws Exception {
        ClipStats stats = ClipStats.ofWav(Fixtures.file("near_silent.wav"));

        assertThat(stats.rmsDbfs()).isLessThan(ClipStats.NEAR_SILENT_RMS_DBFS);
        assertThat(stats.nearSilent()).isTrue();
        assertThat(stats.clipped()).isFalse();
    }

    @Test
    void estimatesTheNoisyFixtureBelowTheCleanOne() throws Exception {
        double noisy = ClipStats.ofWav(Fixtures.file("noisy.wav")).snrDb();
        double clean = ClipStats.ofWav(Fixtures.file("clean.wav")).snrDb();

        assertThat(noisy).isBetween(5.0, 25.0);
        assertThat(clean).isGreaterThan(noisy + 20);
    }

    @Test
    void digitalSilenceReadsAsTheFloor() {
        ClipStats stats = ClipStats.ofPcm(new short[16000], 16000, 16000);

        assertThat(stats.peakDbfs()).isEqualTo(ClipStats.SILENT_DBFS);
        assertThat(stats.rmsDbfs()).isEqualTo(ClipStats.SILENT_DBFS);
        assertThat(stats.durationSeconds()).isEqualTo(1.0);
    }

    /** The integer sums give what the measures' definitions over the samples as floats give, exactly. */
    @Test
    void measuresSixteenBitSamplesExactlyAsTheirFloats() throws Exception {
        for (String name : new String[] {"en_2.wav", "clipped.wav", "near_silent.wav", "noisy.wav", "clean.wav"}) {
            try (WavReader reader = new WavReader(Fixtures.file(name))) {
                int length = (int) reader.samples();
                short[] pcm = reader.readPcm(0, length + 7); // what follows the clip is not measured
                float[] x = reader.read(0, length);
                double peak = 0;
                double squares = 0;
                long clipped = 0;
                for (float s : x) {
                    peak = Math.max(peak, Math.abs(s));
                    squares += (double) s * s;
                    clipped += Math.abs(s) >= ClipStats.CLIP_LEVEL ? 1 : 0;
                }
                ClipStats expected = new ClipStats((double) length / reader.sampleRate(), ClipStats.dbfs(peak),
                        ClipStats.dbfs(Math.sqrt(squares / length)), (double) clipped / length,
                        SnrEstimator.estimateDb(new MonoAudio(x, reader.sampleRate())));

                assertThat(ClipStats.ofPcm(pcm, length, reader.sampleRate())).as(name).isEqualTo(expected);
                assertThat(ClipStats.ofWav(Fixtures.file(name))).as(name).isEqualTo(expected);
            }
        }
    }
}
