package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;
import org.junit.jupiter.api.Test;

class MonoResamplerTest {

    @Test
    void whereTheRateChangesTheFilterIsDrainedAndStartsAfresh() throws Exception {
        float[] first = tone(16000, 0.5);
        float[] second = tone(8000, 0.25);
        try (MonoBlock block = new MonoBlock()) {
            append(block, first, 16000);
            append(block, second, 8000);

            float[] together = resample(block);
            block.clear();
            append(block, first, 16000);
            float[] alone = resample(block);
            block.clear();
            append(block, second, 8000);
            float[] after = resample(block);

            assertThat(together).hasSize(alone.length + after.length);
            assertThat(Arrays.copyOf(together, alone.length)).isEqualTo(alone);
            assertThat(Arrays.copyOfRange(together, alone.length, together.length)).isEqualTo(after);
            assertThat(alone.length).isBetween(16000 - 16, 16000 + 16);
        }
    }

    /** The block's samples at 32 kHz, through one resampler, drained at the end. */
    private static float[] resample(MonoBlock block) throws Exception {
        FloatBuffer all = FloatBuffer.allocate(64000);
        try (MonoResampler resampler = new MonoResampler(32000)) {
            resampler.convert(block, all::put);
            resampler.drain(all::put);
        }
        return Arrays.copyOf(all.array(), all.position());
    }

    private static void append(MonoBlock block, float[] samples, int rate) {
        try (FloatPointer source = new FloatPointer(samples)) {
            block.append(source, samples.length, rate);
        }
    }

    private static float[] tone(int rate, double seconds) {
        float[] samples = new float[(int) (rate * seconds)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * 440 * i / rate));
        }
        return samples;
    }
}
