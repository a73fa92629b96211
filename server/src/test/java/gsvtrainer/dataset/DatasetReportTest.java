package gsvtrainer.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gsvtrainer.audio.SliceAudioParams;
import gsvtrainer.audio.SliceAudioStep;
import gsvtrainer.audio.WavReader;
import gsvtrainer.audio.WavWriter;
import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.pipeline.TaskWorkspace;
import gsvtrainer.testsupport.AudioFixtures;
import gsvtrainer.testsupport.TestStepContext;
import gsvtrainer.transcript.TranscriptLine;
import gsvtrainer.transcript.TranscriptList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset report over clips the real slice step cut from the level-problem fixtures. */
class DatasetReportTest {

    private static final Map<String, String> SENTENCES = AudioFixtures.sentences("en");

    /** At upstream's -34 dB the slicer finds no speech in the near-silent fixture; a user would lower it. */
    private static final SliceAudioParams LOW_THRESHOLD = new SliceAudioParams(-70.0, null, null, null, null, null, null,
            null, null);

    @TempDir
    Path root;

    @Test
    void aSliceReportMissingMeasuresIsMeasuredFromTheWrittenClipsInstead() throws Exception {
        TaskWorkspace workspace = sliced(LOW_THRESHOLD, "clipped.wav");
        Path report = workspace.sliced().resolve("_report.json");
        String complete = Files.readString(report);
        Files.writeString(report, complete.replaceAll("\"clipping_ratio\"\\s*:\\s*[-0-9.eE]+,?", ""));
        assertThat(Files.readString(report)).isNotEqualTo(complete).doesNotContain("clipping_ratio");
        transcribeAll(workspace);

        DatasetReport built = DatasetReports.build(workspace);

        ClipReport clipped = clip(built, "clipped_");
        assertThat(clipped.clippingRatio()).as("measured from the written clip, not NaN").isNotNull().isNotNaN();
        assertThat(clipped.peakDbfs()).isNotNull();
        assertThat(gsvtrainer.config.Json.write(built)).doesNotContain("NaN");
    }

    @Test
    void flagsTheClippedTheNearSilentAndTheOverLongClipWithTheRightReasons() throws Exception {
        TaskWorkspace workspace = sliced(LOW_THRESHOLD, "clipped.wav", "near_silent.wav", "en_1.wav");
        writeLongClip(workspace.sliced().resolve("long_0000000000_0001920000.wav"), 60);
        transcribeAll(workspace);

        DatasetReport report = DatasetReports.build(workspace);

        ClipReport clipped = clip(report, "clipped_");
        assertThat(clipped.status()).isEqualTo(ClipReport.WARNING);
        assertThat(clipped.clippingRatio()).isGreaterThan(DatasetRules.CLIPPING_RATIO);
        assertThat(clipped.reasons()).anyMatch(r -> r.startsWith("clipping:"));
        ClipReport silent = clip(report, "near_silent_");
        assertThat(silent.status()).isEqualTo(ClipReport.REJECTED);
        assertThat(silent.reasons()).anyMatch(r -> r.startsWith("near-silent:"));
        assertThat(silent.fixes()).anyMatch(f -> f.startsWith("loudness normalised"));
        ClipReport longClip = clip(report, "long_");
        assertThat(longClip.status()).isEqualTo(ClipReport.REJECTED);
        assertThat(longClip.reasons()).anyMatch(r -> r.startsWith("longer than 54 s"));
        ClipReport good = clip(report, "en_1_");
        assertThat(good.status()).as(good.reasons().toString()).isEqualTo(ClipReport.USABLE);
        assertThat(good.transcript()).isEqualTo("present");
        assertThat(good.speechRateUnit()).isEqualTo("words_per_second");
        assertThat(good.speechRate()).isBetween(2.0, 5.0);

        assertThat(report.rejected()).extracting(DatasetReport.Issue::clip)
                .containsExactlyInAnyOrder(silent.name(), longClip.name());
        assertThat(report.warnings()).extracting(DatasetReport.Issue::clip).containsExactly(clipped.name());
        assertThat(report.totals().clipCount()).isEqualTo(4);
        assertThat(report.totals().usableClips()).isEqualTo(2);
        assertThat(report.totals().usableMinutes())
                .isCloseTo((clipped.durationSeconds() + good.durationSeconds()) / 60, org.assertj.core.data.Offset.offset(0.01));
        assertThat(report.totals().lengthHistogram()).filteredOn(b -> b.range().equals("54+ s"))
                .singleElement().extracting(DatasetReport.Bucket::count).isEqualTo(1);
    }

    @Test
    void reportsClipsSplitByTheMaximumLengthAndEmptyOrRemovedTranscripts() throws Exception {
        SliceAudioParams shortClips = new SliceAudioParams(null, null, null, null, null, null, null, 2.0, null);
        TaskWorkspace workspace = sliced(shortClips, "en_3.wav", "en_1.wav");
        List<TranscriptLine> lines = transcribeAll(workspace);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
        List<TranscriptLine> edited = new ArrayList<>(lines.subList(1, lines.size()));
        edited.set(0, edited.get(0).withText(""));
        TranscriptList.write(workspace.transcript(), edited);

        DatasetReport report = DatasetReports.build(workspace);

        assertThat(report.fixed()).anyMatch(i -> i.reasons().contains("split from a longer clip at its quietest point"));
        assertThat(clip(report, lines.get(0).name()).reasons()).anyMatch(r -> r.startsWith("not in the transcript"));
        assertThat(clip(report, lines.get(1).name()).reasons()).contains("empty transcript");
    }

    @Test
    void trainingRefusesFewerThanTwoUsableClipsWithTheReasons() throws Exception {
        TaskWorkspace workspace = sliced(LOW_THRESHOLD, "near_silent.wav", "en_1.wav");
        assertThatThrownBy(() -> DatasetReports.requireTrainable(workspace))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.getMessage()).contains("no transcript"));
        transcribeAll(workspace);

        assertThatThrownBy(() -> DatasetReports.requireTrainable(workspace))
                .isInstanceOfSatisfying(StepFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("dataset_unusable");
                    assertThat(f.getMessage()).startsWith("1 usable clip of 2; training needs at least 2")
                            .contains("near_silent_").contains("near-silent");
                });
    }

    private TaskWorkspace sliced(SliceAudioParams params, String... fixtures) throws Exception {
        TestStepContext context = new TestStepContext(root);
        Path converted = Files.createDirectories(context.workspace().converted());
        for (String fixture : fixtures) {
            Files.copy(AudioFixtures.file(fixture), converted.resolve(fixture));
        }
        new SliceAudioStep().run(context, params);
        return context.workspace();
    }

    /** A transcript giving every sliced clip the sentence of the fixture it came from. */
    private static List<TranscriptLine> transcribeAll(TaskWorkspace workspace) throws Exception {
        List<TranscriptLine> lines = new ArrayList<>();
        try (var files = Files.list(workspace.sliced())) {
            for (Path clip : files.filter(f -> f.toString().endsWith(".wav")).sorted().toList()) {
                String name = clip.getFileName().toString();
                String source = name.startsWith("en_1") || name.startsWith("long") ? "en_1"
                        : name.startsWith("en_3") ? "en_3" : "en_2";
                lines.add(new TranscriptLine(clip.toString(), "spk", "EN", SENTENCES.get(source)));
            }
        }
        TranscriptList.write(workspace.transcript(), lines);
        return lines;
    }

    /** {@code seconds} of the en_1 fixture repeated with half-second pauses, at 32 kHz. */
    private static void writeLongClip(Path target, double seconds) throws Exception {
        float[] speech = WavReader.readAll(AudioFixtures.file("en_1.wav")).samples();
        int total = (int) (seconds * 32000);
        try (WavWriter writer = new WavWriter(target, 32000, 1)) {
            int written = 0;
            while (written < total) {
                float[] block = new float[Math.min(total - written, speech.length * 2 + 16000)];
                for (int i = 0; i < block.length && i / 2 < speech.length; i++) {
                    block[i] = speech[i / 2];
                }
                writer.write(block, 0, block.length);
                written += block.length;
            }
        }
    }

    private static ClipReport clip(DatasetReport report, String prefix) {
        return report.clips().stream().filter(c -> c.name().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no clip " + prefix + " in " + report.clips()));
    }
}
