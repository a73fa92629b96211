package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.junit.jupiter.api.Test;

class MonoBlockTest {

    @Test
    void samplesAddedPastItsRoomAreAllKeptWithTheirRates() {
        try (MonoBlock block = new MonoBlock()) {
            append(block, ramp(0, 3000), 16000);
            append(block, ramp(3000, 5000), 16000);
            append(block, ramp(8000, 2000), 8000);

            assertThat(block.count()).isEqualTo(10000);
            assertThat(block.runs()).isEqualTo(2);
            assertThat(block.runRate(0)).isEqualTo(16000);
            assertThat(block.runEnd(0)).isEqualTo(8000);
            assertThat(block.runStart(1)).isEqualTo(8000);
            assertThat(block.runRate(1)).isEqualTo(8000);
            assertThat(floats(block.samples(0, 10000))).isEqualTo(ramp(0, 10000));
            assertThat(floats(block.samples(2999, 3001))).containsExactly(2999f, 3000f);
        }
    }

    @Test
    void aTailCopiedElsewhereKeepsItsRatesAndComparesBitForBit() {
        try (MonoBlock block = new MonoBlock(); MonoBlock tail = new MonoBlock(); MonoBlock other = new MonoBlock()) {
            append(block, ramp(0, 8000), 16000);
            append(block, ramp(8000, 2000), 8000);

            block.copyTail(7000, tail);

            assertThat(tail.count()).isEqualTo(3000);
            assertThat(tail.runs()).isEqualTo(2);
            assertThat(tail.runEnd(0)).isEqualTo(1000);
            assertThat(tail.runRate(1)).isEqualTo(8000);
            assertThat(floats(tail.samples(0, 3000))).isEqualTo(ramp(7000, 3000));

            append(other, ramp(7000, 1000), 16000);
            append(other, ramp(8000, 2000), 8000);
            assertThat(tail.sameAs(other)).isTrue();

            float[] nudged = ramp(8000, 2000);
            nudged[1999] = Math.nextUp(nudged[1999]);
            other.clear();
            append(other, ramp(7000, 1000), 16000);
            append(other, nudged, 8000);
            assertThat(tail.sameAs(other)).isFalse();

            other.clear();
            append(other, ramp(7000, 3000), 16000);
            assertThat(tail.sameAs(other)).isFalse();
        }
    }

    private static void append(MonoBlock block, float[] samples, int rate) {
        try (FloatPointer source = new FloatPointer(samples)) {
            block.append(source, samples.length, rate);
        }
    }

    static float[] ramp(int first, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = first + i;
        }
        return values;
    }

    static float[] floats(FloatBuffer buffer) {
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }
}
