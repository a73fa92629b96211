package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {

    @TempDir
    Path dir;

    @Test
    void roundsHalvesUpAndClipsAtFullScaleAsMathRoundDoes() throws Exception {
        Random random = new Random(3);
        float[] samples = new float[20_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = switch (i % 4) {
                case 0 -> (random.nextInt(65536) - 32768 + 0.5f) / 32767f;
                case 1 -> Math.nextDown((random.nextInt(65536) - 32768 + 0.5f) / 32767f);
                case 2 -> (random.nextFloat() * 2.4f - 1.2f);
                default -> random.nextFloat() * 2e-4f - 1e-4f;
            };
        }
        Path file = dir.resolve("rounded.wav");

        try (WavWriter writer = new WavWriter(file, 32000, 1)) {
            writer.writeRounded(samples, samples.length);
        }

        try (WavReader reader = new WavReader(file)) {
            short[] written = reader.readPcm(0, samples.length);
            for (int i = 0; i < samples.length; i++) {
                int expected = Math.max(-32768, Math.min(32767, Math.round(samples[i] * 32767f)));
                assertThat(written[i]).as("sample %d (%s)", i, samples[i]).isEqualTo((short) expected);
            }
        }
    }

    @Test
    void writesAWholeClipThatReadsBackAsWritten() throws Exception {
        short[] pcm = new short[9_001];
        Random random = new Random(5);
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (random.nextInt(65536) - 32768);
        }
        Path file = dir.resolve("clip.wav");

        WavWriter.writeMono(file, pcm, 9_000, 32000);

        try (WavReader reader = new WavReader(file)) {
            assertThat(reader.sampleRate()).isEqualTo(32000);
            assertThat(reader.samples()).isEqualTo(9_000);
            assertThat(reader.readPcm(0, 9_000)).isEqualTo(Arrays.copyOf(pcm, 9_000));
        }
        assertThat(Files.size(file)).isEqualTo(WavWriter.HEADER_BYTES + 2 * 9_000);
    }
}
