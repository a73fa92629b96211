package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SegmentedDecoderTest {

    @TempDir
    static Path dir;

    private static Path mp3;

    @BeforeAll
    static void encodeTwentySecondsOfSpeech() throws Exception {
        mp3 = SpeechMp3.write(dir.resolve("speech.mp3"), 20);
    }

    @ParameterizedTest(name = "{0} threads, segments of {1} packets, pre-roll {2} (0: by packet size), mono {3}")
    @CsvSource({"2, 512, 0, false", "2, 16, 0, true", "3, 40, 6, true", "2, 8, 8, false"})
    void segmentsDecodedApartJoinIntoExactlyTheSamplesOfOneDecoder(int threads, int segment, int preRoll,
            boolean mono) throws Exception {
        byte[] sequential = decode(mp3, new SegmentedDecoder(1, mono));

        byte[] apart = decode(mp3, new SegmentedDecoder(threads, segment, preRoll, mono));

        assertThat(sequential.length).isGreaterThan(20 * 44100 * (mono ? 1 : 2) * 4 - 4096);
        assertThat(apart).isEqualTo(sequential);
    }

    @Test
    void aPreRollTooShortToPrimeTheDecoderIsCaughtNotJoined() {
        assertThatThrownBy(() -> decode(mp3, new SegmentedDecoder(2, 16, SegmentedDecoder.CHECKED, false)))
                .isInstanceOf(SegmentedDecoder.NotJoinable.class);
    }

    @Test
    void codecsWithLongMemoryAreDecodedInOneRunWhateverTheThreads() throws Exception {
        Path opus = Fixtures.file("formats/opus_48000_stereo.opus");

        assertThat(decode(opus, new SegmentedDecoder(2, 2, 2, true))).isEqualTo(decode(opus, new SegmentedDecoder(1, true)));
    }

    /** Every decoded sample of every plane, in order. */
    static byte[] decode(Path file, SegmentedDecoder decoder) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FfmpegInput input = FfmpegInput.open(file)) {
            decoder.decode(input, frame -> {
                int channels = frame.ch_layout().nb_channels();
                boolean planar = avutil.av_sample_fmt_is_planar(frame.format()) != 0;
                long bytes = (long) frame.nb_samples() * avutil.av_get_bytes_per_sample(frame.format())
                        * (planar ? 1 : channels);
                for (int plane = 0; plane < (planar ? channels : 1); plane++) {
                    ByteBuffer data = frame.extended_data(plane).capacity(bytes).asByteBuffer();
                    byte[] copy = new byte[data.remaining()];
                    data.get(copy);
                    out.write(copy);
                }
            });
        }
        return out.toByteArray();
    }
}
