package gsvtrainer.dataset;

import gsvtrainer.audio.ClipStats;
import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.pipeline.TaskWorkspace;
import gsvtrainer.transcript.TranscriptLine;
import gsvtrainer.transcript.TranscriptList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a task's {@link DatasetReport} from its clips, the slice step's measures and the transcript,
 * and guards training: {@link #requireTrainable} is what training steps call before they start.
 */
public final class DatasetReports {

    private static final double[] HISTOGRAM = {0, DatasetRules.MIN_SECONDS, 2, 5, 10, 20, DatasetRules.BUCKET_MAX_SECONDS,
            DatasetRules.MAX_SECONDS};
    private static final int REASONS_IN_ERROR = 10;

    private DatasetReports() {
    }

    public static DatasetReport build(TaskWorkspace workspace) throws IOException {
        Map<String, SliceMeasures.Measured> measured = SliceMeasures.read(workspace);
        boolean transcribed = Files.exists(workspace.transcript());
        Map<String, TranscriptLine> lines = new LinkedHashMap<>();
        if (transcribed) {
            TranscriptList.read(workspace.transcript()).forEach(l -> lines.putIfAbsent(l.name(), l));
        }
        Map<String, Path> files = new TreeMap<>();
        wavs(workspace.clipsForAsr()).forEach(f -> files.put(f.getFileName().toString(), f));
        lines.forEach((name, line) -> files.computeIfAbsent(name, n -> Path.of(line.audioPath())));
        String language = lines.values().stream().map(TranscriptLine::language).findFirst().orElse(null);

        List<ClipReport> clips = new ArrayList<>();
        for (var entry : files.entrySet()) {
            String name = entry.getKey();
            clips.add(ClipAssessor.assess(new ClipAssessor.Clip(name, measured.get(name), stats(entry.getValue()),
                    lines.get(name), transcribed, language)));
        }
        return new DatasetReport(transcribed ? "present" : "none", totals(clips),
                issues(clips, c -> c.status().equals(ClipReport.REJECTED), ClipReport::reasons),
                issues(clips, c -> c.status().equals(ClipReport.WARNING), ClipReport::reasons),
                issues(clips, c -> !c.fixes().isEmpty(), ClipReport::fixes), clips);
    }

    /**
     * Throws {@code dataset_unusable} unless the task has a transcript and at least
     * {@link DatasetRules#MIN_USABLE_CLIPS} usable clips; the message carries the report's reasons.
     */
    public static DatasetReport requireTrainable(TaskWorkspace workspace) throws StepFailure {
        DatasetReport report;
        try {
            report = build(workspace);
        } catch (IOException e) {
            throw new StepFailure("dataset_unusable", "the dataset cannot be read: " + e.getMessage(), e);
        }
        if (!"present".equals(report.transcript())) {
            throw new StepFailure("dataset_unusable", "the task has no transcript: run asr_transcribe first");
        }
        int usable = report.totals().usableClips();
        if (usable < DatasetRules.MIN_USABLE_CLIPS) {
            String reasons = report.rejected().stream().limit(REASONS_IN_ERROR)
                    .map(i -> i.clip() + ": " + String.join(", ", i.reasons()))
                    .collect(Collectors.joining("; "));
            int more = report.rejected().size() - REASONS_IN_ERROR;
            throw new StepFailure("dataset_unusable", String.format("%d usable clip%s of %d; training needs at least %d%s%s",
                    usable, usable == 1 ? "" : "s", report.totals().clipCount(), DatasetRules.MIN_USABLE_CLIPS,
                    reasons.isEmpty() ? "" : ". Rejected: " + reasons, more > 0 ? " (and " + more + " more)" : ""));
        }
        return report;
    }

    private static DatasetReport.Totals totals(List<ClipReport> clips) {
        double total = 0;
        double usable = 0;
        int[] counts = new int[HISTOGRAM.length];
        for (ClipReport clip : clips) {
            double seconds = clip.durationSeconds() == null ? 0 : clip.durationSeconds();
            total += seconds;
            usable += clip.usable() ? seconds : 0;
            if (clip.durationSeconds() != null) {
                int bucket = HISTOGRAM.length - 1;
                while (bucket > 0 && seconds < HISTOGRAM[bucket]) {
                    bucket--;
                }
                counts[bucket]++;
            }
        }
        List<DatasetReport.Bucket> histogram = new ArrayList<>();
        for (int i = 0; i < HISTOGRAM.length; i++) {
            Double to = i + 1 < HISTOGRAM.length ? HISTOGRAM[i + 1] : null;
            String range = to == null ? fmt(HISTOGRAM[i]) + "+ s" : fmt(HISTOGRAM[i]) + "-" + fmt(to) + " s";
            histogram.add(new DatasetReport.Bucket(range, HISTOGRAM[i], to, counts[i]));
        }
        int usableClips = (int) clips.stream().filter(ClipReport::usable).count();
        int warnings = (int) clips.stream().filter(c -> c.status().equals(ClipReport.WARNING)).count();
        return new DatasetReport.Totals(clips.size(), usableClips, warnings, clips.size() - usableClips,
                Math.round(total / 60 * 100) / 100.0, Math.round(usable / 60 * 100) / 100.0, histogram);
    }

    private static List<DatasetReport.Issue> issues(List<ClipReport> clips, java.util.function.Predicate<ClipReport> in,
                                                    java.util.function.Function<ClipReport, List<String>> reasons) {
        return clips.stream().filter(in).map(c -> new DatasetReport.Issue(c.name(), reasons.apply(c))).toList();
    }

    private static ClipStats stats(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return ClipStats.ofWav(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<Path> wavs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                String name = f.getFileName().toString();
                return name.toLowerCase().endsWith(".wav") && !name.startsWith(".") && !name.startsWith("_");
            }).sorted().toList();
        }
    }

    private static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
