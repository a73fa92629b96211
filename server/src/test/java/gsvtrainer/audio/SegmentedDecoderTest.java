package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
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

    @ParameterizedTest(name = "{0} threads, segments of {1} packets, pre-roll {2} (0: by packet size)")
    @CsvSource({"2, 512, 0", "2, 16, 0", "3, 40, 6", "2, 8, 8"})
    void segmentsDecodedApartJoinIntoExactlyTheSamplesOfOneDecoder(int threads, int segment, int preRoll)
            throws Exception {
        float[] sequential = decode(mp3, new SegmentedDecoder(1));

        float[] apart = decode(mp3, new SegmentedDecoder(threads, segment, preRoll));

        assertThat(sequential.length).isGreaterThan(20 * 44100 - 1024);
        assertThat(apart).isEqualTo(sequential);
    }

    @Test
    void aPreRollTooShortToPrimeTheDecoderIsCaughtNotJoined() {
        assertThatThrownBy(() -> decode(mp3, new SegmentedDecoder(2, 16, SegmentedDecoder.CHECKED)))
                .isInstanceOf(SegmentedDecoder.NotJoinable.class);
    }

    @Test
    void codecsWithLongMemoryAreDecodedInOneRunWhateverTheThreads() throws Exception {
        Path opus = Fixtures.file("formats/opus_48000_stereo.opus");

        assertThat(decode(opus, new SegmentedDecoder(2, 2, 2))).isEqualTo(decode(opus, new SegmentedDecoder(1)));
    }

    /** Every decoded sample, mixed down to mono, in order. */
    static float[] decode(Path file, SegmentedDecoder decoder) throws Exception {
        FloatBuffer all = FloatBuffer.allocate(44100 * 60);
        try (FfmpegInput input = FfmpegInput.open(file)) {
            decoder.decode(input, block -> all.put(block.samples(0, block.count())));
        }
        return Arrays.copyOf(all.array(), all.position());
    }
}
