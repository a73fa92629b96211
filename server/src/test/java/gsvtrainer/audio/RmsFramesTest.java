package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RmsFramesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "frames of {0} every {1}")
    @CsvSource({"1280, 320", "960, 320", "1281, 320", "441, 147", "100, 30"})
    void blockSumsOfTheWavGiveTheRmsOfEveryFrameExactly(int frameLength, int hop) throws Exception {
        Path file = dir.resolve("noise.wav");
        short[] pcm = new short[100_003];
        Random random = new Random(frameLength);
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = (short) (random.nextGaussian() * (i % 20_000 < 10_000 ? 9000 : 30));
        }
        try (WavWriter writer = new WavWriter(file, 32000, 1)) {
            writer.write(pcm, 0, pcm.length);
        }

        double[] rms;
        float[] x;
        try (WavReader audio = new WavReader(file)) {
            rms = RmsFrames.compute(audio, frameLength, hop);
            x = audio.read(0, pcm.length);
        }

        int frames = 1 + (pcm.length + 2 * (frameLength / 2) - frameLength) / hop;
        assertThat(rms).hasSize(frames);
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * hop - frameLength / 2, end = i + frameLength; i < end; i++) {
                if (i >= 0 && i < x.length) {
                    sum += (double) x[i] * x[i];
                }
            }
            assertThat(rms[f]).as("frame %d", f).isEqualTo(Math.sqrt(sum / frameLength));
        }
    }
}
