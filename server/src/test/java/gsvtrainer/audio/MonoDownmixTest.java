package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MonoDownmixTest {

    @Test
    void stereoIsMixedWithFfmpegsDefaultMatrix() throws Exception {
        Path mp3 = Fixtures.file("formats/mp3_44100_stereo.mp3");
        FloatBuffer left = FloatBuffer.allocate(44100 * 60);
        FloatBuffer right = FloatBuffer.allocate(44100 * 60);
        try (FfmpegInput input = FfmpegInput.open(mp3)) {
            new SegmentedDecoder(1, false).decode(input, frame -> {
                long bytes = (long) frame.nb_samples() * Float.BYTES;
                left.put(plane(frame.extended_data(0).capacity(bytes).asByteBuffer()));
                right.put(plane(frame.extended_data(1).capacity(bytes).asByteBuffer()));
            });
        }
        float[] mono = floats(SegmentedDecoderTest.decode(mp3, new SegmentedDecoder(1, true)));

        assertThat(mono).hasSize(left.position());
        float gain = (float) Math.sqrt(0.5);
        double loudest = 0;
        for (int i = 0; i < mono.length; i++) {
            assertThat(mono[i]).isCloseTo(left.get(i) * gain + right.get(i) * gain, within(1e-6f));
            loudest = Math.max(loudest, Math.abs(mono[i]));
        }
        assertThat(loudest).isGreaterThan(0.05);
    }

    @ParameterizedTest
    @ValueSource(strings = {"formats/mp3_44100_stereo.mp3", "formats/flac_48000_stereo.flac",
            "formats/wav_s16_8000_stereo.wav", "formats/m4a_16000_mono.m4a"})
    void mixingBeforeTheFilterMovesResampledSamplesOnlyByFloatRounding(String fixture) throws Exception {
        Path file = Fixtures.file(fixture);

        float[] filteredThenMixed = resampled(file, false);
        float[] mixedThenFiltered = resampled(file, true);

        assertThat(mixedThenFiltered).hasSameSizeAs(filteredThenMixed);
        double largest = 0;
        double loudest = 0;
        for (int i = 0; i < filteredThenMixed.length; i++) {
            largest = Math.max(largest, Math.abs(filteredThenMixed[i] - mixedThenFiltered[i]));
            loudest = Math.max(loudest, Math.abs(filteredThenMixed[i]));
        }
        assertThat(largest).isLessThan(1e-6);
        assertThat(loudest).isGreaterThan(0.05);
    }

    /** The file at 32 kHz mono float, through {@link MonoResampler}, mixed down on decoding or not. */
    private static float[] resampled(Path file, boolean mixFirst) throws Exception {
        FloatBuffer all = FloatBuffer.allocate(32000 * 60);
        try (FfmpegInput input = FfmpegInput.open(file); MonoResampler resampler = new MonoResampler(32000)) {
            MonoResampler.Sink sink = all::put;
            new SegmentedDecoder(1, mixFirst).decode(input, frame -> resampler.convert(frame, sink));
            resampler.drain(sink);
        }
        return Arrays.copyOf(all.array(), all.position());
    }

    private static FloatBuffer plane(ByteBuffer bytes) {
        return bytes.order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static float[] floats(byte[] bytes) {
        FloatBuffer buffer = plane(ByteBuffer.wrap(bytes));
        float[] floats = new float[buffer.remaining()];
        buffer.get(floats);
        return floats;
    }
}
