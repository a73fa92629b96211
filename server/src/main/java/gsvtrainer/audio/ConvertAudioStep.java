package gsvtrainer.audio;

import gsvtrainer.files.JsonFiles;
import gsvtrainer.pipeline.RunReporter;
import gsvtrainer.pipeline.StepAction;
import gsvtrainer.pipeline.StepContext;
import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.pipeline.TaskWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code convert_audio}: every upload to a mono 16-bit WAV at the target rate in {@code converted/}.
 * A file that is not usable audio is reported (log line and {@code converted/_report.json}) and the
 * rest go on; the step fails only when no file is usable.
 */
public class ConvertAudioStep implements StepAction<ConvertAudioParams> {

    static final String REPORT = "_report.json";

    /** One converted (or already converted) file in the report. */
    record Converted(String file, String output, boolean skipped, String format, String codec,
            Integer sourceSampleRate, Integer sourceChannels, Double sourceSeconds, double outputSeconds) {
    }

    /** One rejected file in the report. */
    record Failed(String file, String reason, String message) {
    }

    record Report(int sampleRate, List<Converted> converted, List<Failed> failed) {
    }

    /**
     * Loads FFmpeg's libraries. No rehearsal: nearly all of a conversion's time is FFmpeg's, so a
     * rehearsed run was at most 0.3 s faster on the benchmark hour, for 5 CPU s of rehearsal.
     */
    @Override
    public void prepare() {
        AudioNatives.load();
    }

    @Override
    public String name() {
        return "convert_audio";
    }

    @Override
    public void run(StepContext context, ConvertAudioParams params) throws Exception {
        TaskWorkspace workspace = context.workspace();
        RunReporter reporter = context.reporter();
        List<Path> uploads = AudioFiles.list(workspace.uploads(), "");
        if (uploads.isEmpty()) {
            throw new StepFailure("no_usable_audio", "no uploaded files to convert");
        }
        Path out = TaskWorkspace.ensure(workspace.converted());
        AudioFiles.removeLeftovers(out);
        Map<Path, Path> targets = targets(uploads, out);
        AudioConverter converter = new AudioConverter(params.sampleRate(),
                ParallelJobs.threadsPerJob(context.cpuThreads(), uploads.size()), true);
        ProgressCounter progress = new ProgressCounter(reporter, "files", uploads.size());

        List<ParallelJobs.Outcome<Converted>> outcomes = ParallelJobs.run(uploads, context.cpuThreads(),
                upload -> convert(upload, targets.get(upload), converter, params.sampleRate(), context.force()),
                outcome -> progress.add(1));

        List<Converted> converted = outcomes.stream().filter(o -> !o.failed()).map(ParallelJobs.Outcome::result).toList();
        List<Failed> failed = outcomes.stream().filter(ParallelJobs.Outcome::failed)
                .map(o -> new Failed(o.input().getFileName().toString(), o.failureCode(), o.failureMessage())).toList();
        failed.forEach(f -> reporter.log("warn", "skipping " + f.message()));
        JsonFiles.write(out.resolve(REPORT), new Report(params.sampleRate(), converted, failed));
        if (converted.isEmpty()) {
            throw new StepFailure("no_usable_audio", "none of the " + uploads.size() + " uploaded files is usable audio: "
                    + String.join("; ", failed.stream().map(Failed::message).toList()));
        }
        long skipped = converted.stream().filter(Converted::skipped).count();
        reporter.log("info", String.format("converted %d of %d files to %d Hz mono (%d already done, %d failed)",
                converted.size() - skipped, uploads.size(), params.sampleRate(), skipped, failed.size()));
    }

    private static Converted convert(Path upload, Path target, AudioConverter converter, int rate, boolean force)
            throws Exception {
        String name = upload.getFileName().toString();
        if (!force && Files.exists(target)) {
            try (WavReader existing = new WavReader(target)) {
                if (existing.sampleRate() == rate) {
                    return new Converted(name, target.getFileName().toString(), true, null, null, null, null, null,
                            existing.seconds());
                }
            }
        }
        ConversionResult result = converter.convert(upload, target);
        AudioInfo source = result.source();
        return new Converted(name, target.getFileName().toString(), false, source.format(), source.codec(),
                source.sampleRate(), source.channels(), source.durationSeconds(), result.outputSeconds());
    }

    /** {@code <basename>.wav}, or {@code <basename>_<ext>.wav} where two uploads share a base name. */
    private static Map<Path, Path> targets(List<Path> uploads, Path out) {
        Map<String, Integer> counts = new HashMap<>();
        uploads.forEach(u -> counts.merge(AudioFiles.baseName(u), 1, Integer::sum));
        Map<Path, Path> targets = new HashMap<>();
        for (Path upload : uploads) {
            String base = AudioFiles.baseName(upload);
            String name = upload.getFileName().toString();
            String unique = counts.get(base) == 1 ? base : base + "_" + name.substring(base.length()).replace(".", "");
            targets.put(upload, out.resolve(unique + ".wav"));
        }
        return targets;
    }
}
