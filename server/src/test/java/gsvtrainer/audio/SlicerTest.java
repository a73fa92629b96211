package gsvtrainer.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlicerTest {

    private static final int RATE = 32000;

    @TempDir
    Path dir;

    private Path utterances;

    @BeforeEach
    void convertTheKnownSilencesFixtureTo32k() throws Exception {
        utterances = dir.resolve("silences.wav");
        new AudioConverter(RATE).convert(Fixtures.file("silences.flac"), utterances);
    }

    @Test
    void makesTheCutsUpstreamsSlicerMakes() throws Exception {
        List<ClipSpan> expected = Fixtures.csv("silences.upstream.csv").stream()
                .map(row -> new ClipSpan(Long.parseLong(row[0]), Long.parseLong(row[1]))).toList();

        assertThat(slice(SliceAudioParams.defaults(), utterances)).isEqualTo(expected);
    }

    @Test
    void cutsOnlyInsideSilencesMergingUtterancesShorterThanMinLengthWithTheNext() throws Exception {
        List<String[]> parts = Fixtures.csv("silences.csv");

        List<ClipSpan> clips = slice(SliceAudioParams.defaults(), utterances);
        long lastSample;
        try (WavReader audio = new WavReader(utterances)) {
            lastSample = audio.samples() - 1;
        }

        assertThat(clips).extracting(clip -> utterancesIn(clip, parts))
                .containsExactly(List.of("u1", "u2"), List.of("u3"), List.of("u4", "u5", "u6"));
        for (ClipSpan clip : clips) {
            assertThat(inSilence(clip.start(), parts)).as("start %d", clip.start()).isTrue();
            assertThat(inSilence(Math.min(clip.end(), lastSample), parts)).as("end %d", clip.end()).isTrue();
        }
    }

    @Test
    void splitsClipsOverTheMaximumAtTheirQuietestPoint() throws Exception {
        Path speech = dir.resolve("continuous.wav");
        writeContinuousSpeech(speech, 16000, 45);
        MonoAudio audio = WavReader.readAll(speech);
        SliceAudioParams params = new SliceAudioParams(null, null, null, null, null, null, null, 12.0, null);

        List<ClipSpan> clips = slice(params, speech, 16000);

        assertThat(clips).hasSizeBetween(4, 6);
        assertThat(clips).allSatisfy(clip -> assertThat(clip.length()).isBetween(6L * 16000, 12L * 16000));
        for (int i = 0; i + 1 < clips.size(); i++) {
            long cut = clips.get(i).end();
            assertThat(clips.get(i + 1).start()).isEqualTo(cut);
            assertThat(rmsDbfs(audio.samples(), (int) cut - 160, (int) cut + 160)).as("level at the cut %d", cut)
                    .isLessThan(-60);
        }
    }

    @Test
    void dropsClipsShorterThanTheMinimum() throws Exception {
        SliceAudioParams params = new SliceAudioParams(null, 300, null, null, null, null, null, null, 2.0);

        List<ClipSpan> clips = slice(params, utterances);

        assertThat(clips).isNotEmpty().allSatisfy(clip -> assertThat(clip.length()).isGreaterThanOrEqualTo(2 * RATE));
        assertThat(clips).noneMatch(clip -> utterancesIn(clip, Fixtures.csv("silences.csv")).contains("u1"));
    }

    private static List<ClipSpan> slice(SliceAudioParams params, Path file) throws IOException {
        return slice(params, file, RATE);
    }

    private static List<ClipSpan> slice(SliceAudioParams params, Path file, int rate) throws IOException {
        try (WavReader audio = new WavReader(file)) {
            assertThat(audio.sampleRate()).isEqualTo(rate);
            return new Slicer(params, rate).slice(audio);
        }
    }

    private static List<String> utterancesIn(ClipSpan clip, List<String[]> parts) {
        return parts.stream().filter(p -> p[0].equals("speech"))
                .filter(p -> Double.parseDouble(p[2]) * RATE >= clip.start() && Double.parseDouble(p[3]) * RATE <= clip.end())
                .map(p -> p[1]).toList();
    }

    private static boolean inSilence(long sample, List<String[]> parts) {
        return parts.stream().filter(p -> p[0].equals("silence"))
                .anyMatch(p -> sample >= Double.parseDouble(p[2]) * RATE && sample <= Double.parseDouble(p[3]) * RATE);
    }

    private static double rmsDbfs(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * x[i];
        }
        return ClipStats.dbfs(Math.sqrt(sum / (to - from)));
    }

    /** Sentences separated by 150 ms pauses, too short for upstream to cut. */
    static void writeContinuousSpeech(Path file, int rate, double seconds) throws IOException {
        int gap = rate * 150 / 1000;
        try (WavWriter out = new WavWriter(file, rate, 1)) {
            for (int i = 0; out.samplesWritten() < seconds * rate; i++) {
                float[] sentence = Fixtures.wav("en_" + (1 + i % 3) + ".wav").samples();
                out.write(sentence, 0, sentence.length);
                out.write(new float[gap], 0, gap);
            }
        }
    }
}
