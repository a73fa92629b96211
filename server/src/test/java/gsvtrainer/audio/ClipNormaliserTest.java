package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClipNormaliserTest {

    private final ClipNormaliser normaliser = new ClipNormaliser(0.9, 0.25);

    @Test
    void mixesTheClipWithItsPeakNormalisedCopyAsUpstreamWritesIt() {
        Random random = new Random(11);
        for (int peak : new int[] {1, 37, 4_000, 32_767, 32_768}) {
            short[] clip = new short[5_000];
            for (int i = 0; i < clip.length; i++) {
                clip[i] = (short) (random.nextInt(2 * peak + 1) - peak);
            }
            clip[17] = (short) -peak;
            short[] original = clip.clone();

            assertThat(normaliser.normalise(clip, clip.length)).isTrue();

            double top = peak / 32768.0;
            for (int i = 0; i < clip.length; i++) {
                float x = original[i] / 32768f;
                double mixed = x / top * (0.9 * 0.25) + (1 - 0.25) * x;
                float expected = Math.max(-1f, Math.min(1f, (float) mixed));
                assertThat((double) clip[i]).as("peak %d, sample %d", peak, i)
                        .isCloseTo(expected * 32767.0, within(1.0));
            }
            assertThat(Math.abs(clip[17])).isEqualTo((int) ((0.9 * 0.25 + 0.75 * top) * 32767));
        }
    }

    @Test
    void everySampleValueComesOutExactlyAsUpstreamsFloatArithmeticWritesIt() {
        for (int peak : new int[] {1, 2, 37, 4_000, 29_123, 32_767, 32_768}) {
            short[] clip = new short[2 * peak + 1];
            for (int i = 0; i < clip.length; i++) {
                clip[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, i - peak));
            }
            short[] original = clip.clone();
            double top = peak / 32768.0;
            double gain = 0.9 * 0.25 / top + 0.75;

            normaliser.normalise(clip, clip.length);

            for (int i = 0; i < clip.length; i++) {
                float scaled = (float) ((original[i] / 32768f) * gain);
                short expected = (short) (Math.max(-1f, Math.min(1f, scaled)) * 32767f);
                assertThat(clip[i]).as("peak %d, sample %d", peak, original[i]).isEqualTo(expected);
            }
        }
    }

    @Test
    void leavesSamplesPastTheLengthAndAnAllZeroClipAlone() {
        short[] clip = {0, 0, 0, 1200};

        assertThat(normaliser.normalise(clip, 3)).isFalse();
        assertThat(clip).containsExactly(0, 0, 0, 1200);

        short[] some = {100, -200, 300};
        assertThat(normaliser.normalise(some, 2)).isTrue();
        assertThat(some[2]).isEqualTo((short) 300);
        assertThat(some[1]).isLessThan((short) -200);
    }
}
