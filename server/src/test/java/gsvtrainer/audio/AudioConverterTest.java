package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gsvtrainer.audio.BadAudioException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AudioConverterTest {

    @TempDir
    Path out;

    static Stream<Arguments> formats() {
        return Fixtures.csv("formats.csv").stream()
                .map(row -> Arguments.of(row[0], Double.parseDouble(row[1]), Integer.parseInt(row[2]),
                        Integer.parseInt(row[3])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void convertsEveryFormatToMono16BitAtTheTargetRateKeepingTheDuration(String file, double seconds, int rate,
            int channels) throws Exception {
        Path target = out.resolve("out.wav");

        ConversionResult result = new AudioConverter(32000).convert(Fixtures.file("formats/" + file), target);

        int declaredRate = file.startsWith("opus") ? 48000 : rate; // Opus always decodes at 48 kHz
        assertThat(result.source().sampleRate()).isEqualTo(declaredRate);
        assertThat(result.source().channels()).isEqualTo(channels);
        assertThat(result.outputSeconds()).isCloseTo(seconds, within(0.020));
        try (WavReader wav = new WavReader(target)) {
            assertThat(wav.sampleRate()).isEqualTo(32000);
            assertThat(wav.seconds()).isCloseTo(seconds, within(0.020));
            assertThat(peak(wav.read(0, (int) wav.samples()))).isGreaterThan(0.1f);
        }
        assertThat(Files.list(out)).containsExactly(target);
    }

    @ParameterizedTest
    @ValueSource(ints = {16000, 22050, 44100})
    void resamplesToAnyTargetRate(int rate) throws Exception {
        ConversionResult result = new AudioConverter(rate)
                .convert(Fixtures.file("formats/mp3_44100_stereo.mp3"), out.resolve("out.wav"));

        assertThat(result.sampleRate()).isEqualTo(rate);
        assertThat(result.outputSeconds()).isCloseTo(0.722, within(0.020));
    }

    @Test
    void probeReadsTheContainerWithoutConverting() throws Exception {
        AudioInfo info = AudioProbe.probe(Fixtures.file("formats/m4a_48000_stereo.m4a"));

        assertThat(info.codec()).isEqualTo("aac");
        assertThat(info.sampleRate()).isEqualTo(48000);
        assertThat(info.channels()).isEqualTo(2);
        assertThat(info.durationSeconds()).isCloseTo(0.722, within(0.030));
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("empty.wav", Reason.EMPTY_FILE),
                Arguments.of("text.wav", Reason.NOT_AUDIO),
                Arguments.of("truncated.mp3", Reason.TRUNCATED),
                Arguments.of("lying_header.wav", Reason.TRUNCATED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void brokenFilesFailWithTheirReasonAndLeaveNothingBehind(String file, Reason reason) {
        Path source = Fixtures.file("broken/" + file);

        assertThatThrownBy(() -> new AudioConverter(32000).convert(source, out.resolve("out.wav")))
                .isInstanceOfSatisfying(BadAudioException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.fileName()).isEqualTo(file);
                    assertThat(e.getMessage()).startsWith(file + ": ").doesNotContain(source.getParent().toString());
                });
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void probeRejectsEmptyAndNonAudioFiles() {
        assertThatThrownBy(() -> AudioProbe.probe(Fixtures.file("broken/text.wav")))
                .isInstanceOfSatisfying(BadAudioException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AUDIO));
        assertThatThrownBy(() -> AudioProbe.probe(Fixtures.file("broken/empty.wav")))
                .isInstanceOfSatisfying(BadAudioException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY_FILE));
    }

    @Test
    void aFileOfAFewMillisecondsIsTooShort() throws Exception {
        Path tiny = out.resolve("tiny.wav");
        try (WavWriter writer = new WavWriter(tiny, 16000, 1)) {
            writer.write(new short[800], 0, 800);
        }

        assertThatThrownBy(() -> new AudioConverter(32000).convert(tiny, out.resolve("out.wav")))
                .isInstanceOfSatisfying(BadAudioException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_SHORT));
    }

    @Test
    void convertsAnMp3OnTwoDecodingThreadsToTheSameWavAsOnOne() throws Exception {
        Path mp3 = SpeechMp3.write(out.resolve("speech.mp3"), 30);
        Path one = Files.createDirectories(out.resolve("one")).resolve("speech.wav");
        Path two = Files.createDirectories(out.resolve("two")).resolve("speech.wav");

        new AudioConverter(32000).convert(mp3, one);
        ConversionResult result = new AudioConverter(32000, 2, false).convert(mp3, two);

        assertThat(result.outputSeconds()).isCloseTo(30, within(1.5));
        assertThat(Files.readAllBytes(two)).isEqualTo(Files.readAllBytes(one));
    }

    @Test
    void keepsTheEnergiesOfTheSamplesBeforeRoundingBesideTheWavForAsLongAsTheWavIsUnchanged() throws Exception {
        Path target = out.resolve("speech.wav");

        new AudioConverter(32000, 2, true).convert(Fixtures.file("formats/mp3_44100_stereo.mp3"), target);

        Path energy = SquareSumsFile.beside(target);
        try (WavReader wav = new WavReader(target);
                SquareSumsFile sums = SquareSumsFile.open(energy, target, wav.samples(), 32000).orElseThrow()) {
            int blocks = (int) (wav.samples() / sums.blockLength());
            double[] unrounded = sums.read(0, blocks);
            double[] rounded = new PcmSquareSums(wav, sums.blockLength()).read(0, blocks);
            double total = 0;
            for (int b = 0; b < blocks; b++) {
                assertThat(unrounded[b]).isCloseTo(rounded[b], within(1e-6 + 1e-3 * rounded[b]));
                total += unrounded[b];
            }
            assertThat(total).isGreaterThan(1);
        }
        Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(1_000_000L));
        try (WavReader wav = new WavReader(target)) {
            assertThat(SquareSumsFile.open(energy, target, wav.samples(), 32000)).isEmpty();
        }
    }

    static float peak(float[] samples) {
        float peak = 0;
        for (float s : samples) {
            peak = Math.max(peak, Math.abs(s));
        }
        return peak;
    }
}
