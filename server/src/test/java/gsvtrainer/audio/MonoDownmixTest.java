package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerPointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MonoDownmixTest {

    @Test
    void stereoIsMixedWithFfmpegsDefaultMatrix() throws Exception {
        Path mp3 = Fixtures.file("formats/mp3_44100_stereo.mp3");
        FloatBuffer left = FloatBuffer.allocate(44100 * 60);
        FloatBuffer right = FloatBuffer.allocate(44100 * 60);
        eachFrame(mp3, frame -> {
            long bytes = (long) frame.nb_samples() * Float.BYTES;
            left.put(frame.extended_data(0).capacity(bytes).asByteBuffer().order(ByteOrder.nativeOrder()).asFloatBuffer());
            right.put(frame.extended_data(1).capacity(bytes).asByteBuffer().order(ByteOrder.nativeOrder()).asFloatBuffer());
        });
        float[] mono = SegmentedDecoderTest.decode(mp3, new SegmentedDecoder(1));

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

        float[] asTheCliDoes = resampledInOneContext(file);
        float[] mixedThenFiltered = resampled(file);

        assertThat(mixedThenFiltered).hasSameSizeAs(asTheCliDoes);
        double largest = 0;
        double loudest = 0;
        for (int i = 0; i < asTheCliDoes.length; i++) {
            largest = Math.max(largest, Math.abs(asTheCliDoes[i] - mixedThenFiltered[i]));
            loudest = Math.max(loudest, Math.abs(asTheCliDoes[i]));
        }
        assertThat(largest).isLessThan(1e-6);
        assertThat(loudest).isGreaterThan(0.05);
    }

    /** The file at 32 kHz mono float as the converter makes it: mixed down on decoding, then filtered. */
    private static float[] resampled(Path file) throws Exception {
        FloatBuffer all = FloatBuffer.allocate(32000 * 60);
        try (FfmpegInput input = FfmpegInput.open(file); MonoResampler resampler = new MonoResampler(32000)) {
            MonoResampler.Sink sink = all::put;
            new SegmentedDecoder(1).decode(input, block -> resampler.convert(block, sink));
            resampler.drain(sink);
        }
        return Arrays.copyOf(all.array(), all.position());
    }

    /** The file at 32 kHz mono float from one resampler context given the decoded frames as they are. */
    private static float[] resampledInOneContext(Path file) throws Exception {
        FloatBuffer all = FloatBuffer.allocate(32000 * 60);
        int room = 1 << 16;
        try (MonoSwr swr = new MonoSwr(32000); BytePointer buffer = new BytePointer((long) room * Float.BYTES);
                PointerPointer<BytePointer> output = new PointerPointer<BytePointer>(1).put(0, buffer)) {
            FloatBuffer view = buffer.capacity((long) room * Float.BYTES).asByteBuffer()
                    .order(ByteOrder.nativeOrder()).asFloatBuffer();
            eachFrame(file, frame -> {
                if (swr.context() == null) {
                    swr.open(frame);
                }
                int count = swr_convert(swr.context(), output, room, frame.extended_data(), frame.nb_samples());
                all.put(view.clear().limit(count));
            });
            PointerPointer<?> none = null;
            for (int count = swr_convert(swr.context(), output, room, none, 0); count > 0;
                    count = swr_convert(swr.context(), output, room, none, 0)) {
                all.put(view.clear().limit(count));
            }
        }
        return Arrays.copyOf(all.array(), all.position());
    }

    /** Hands every frame the file decodes to, as decoded, to {@code sink}. */
    private static void eachFrame(Path file, AudioDecoder.FrameSink sink) throws Exception {
        AVPacket packet = av_packet_alloc();
        try (FfmpegInput input = FfmpegInput.open(file);
                AudioDecoder decoder = new AudioDecoder(input.codecParameters(), input.timeBase())) {
            while (input.nextPacket(packet)) {
                decoder.decode(packet, sink);
                av_packet_unref(packet);
            }
            decoder.decode(null, sink);
        } finally {
            av_packet_free(packet);
        }
    }
}
