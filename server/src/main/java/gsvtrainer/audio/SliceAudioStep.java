package gsvtrainer.audio;

import gsvtrainer.files.JsonFiles;
import gsvtrainer.pipeline.RehearsalContext;
import gsvtrainer.pipeline.RunReporter;
import gsvtrainer.pipeline.StepAction;
import gsvtrainer.pipeline.StepContext;
import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.pipeline.TaskWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code slice_audio}: cuts every converted file into clips in {@code sliced/} with upstream's slicer
 * decisions and normalisation, within the clip length limits; progress is seconds of audio done.
 * Writes {@code sliced/_report.json} with every clip's level measures (before normalisation).
 */
public class SliceAudioStep implements StepAction<SliceAudioParams> {

    record Failed(String file, String reason, String message) {
    }

    record Report(List<SourceSlicer.Manifest> sources, List<Failed> failed) {
    }

    /** Slices two minutes of made-up converted audio, {@link RehearsalAudio#PASSES} times. */
    @Override
    public void rehearse(Path scratch) throws Exception {
        RehearsalContext context = new RehearsalContext(scratch, 2);
        RehearsalAudio.writeConverted(TaskWorkspace.ensure(context.workspace().converted()).resolve("rehearsal.wav"), 120);
        for (int pass = 0; pass < RehearsalAudio.PASSES && !Thread.currentThread().isInterrupted(); pass++) {
            run(context, SliceAudioParams.defaults());
        }
    }

    @Override
    public String name() {
        return "slice_audio";
    }

    @Override
    public void run(StepContext context, SliceAudioParams params) throws Exception {
        TaskWorkspace workspace = context.workspace();
        RunReporter reporter = context.reporter();
        List<Path> sources = AudioFiles.list(workspace.converted(), ".wav");
        if (sources.isEmpty()) {
            throw new StepFailure("no_input", "no converted audio to slice: run convert_audio first");
        }
        double totalSeconds = 0;
        for (Path source : sources) {
            try (WavReader reader = new WavReader(source)) {
                totalSeconds += reader.seconds();
            }
        }
        Path out = TaskWorkspace.ensure(workspace.sliced());
        AudioFiles.removeLeftovers(out);
        SourceSlicer slicer = new SourceSlicer(params, out, context.runDir().resolve("slice-scratch"),
                ParallelJobs.threadsPerJob(context.cpuThreads(), sources.size()));
        ProgressCounter progress = new ProgressCounter(reporter, "seconds", totalSeconds);

        List<ParallelJobs.Outcome<SourceSlicer.Manifest>> outcomes = ParallelJobs.run(sources, context.cpuThreads(),
                source -> slicer.slice(source, context.force(), progress::add), outcome -> { });

        List<SourceSlicer.Manifest> sliced = new ArrayList<>();
        List<Failed> failed = new ArrayList<>();
        for (var outcome : outcomes) {
            if (outcome.failed()) {
                failed.add(new Failed(outcome.input().getFileName().toString(), outcome.failureCode(), outcome.failureMessage()));
                reporter.log("warn", "could not slice " + outcome.failureMessage());
            } else {
                sliced.add(outcome.result());
            }
        }
        JsonFiles.write(out.resolve(ConvertAudioStep.REPORT), new Report(sliced, failed));
        int clips = sliced.stream().mapToInt(m -> m.clips().size()).sum();
        if (clips == 0) {
            throw new StepFailure("no_clips", "slicing produced no clips between " + params.minClipSeconds() + " and "
                    + params.maxClipSeconds() + " s" + (failed.isEmpty() ? "" : "; " + failed.get(0).message()));
        }
        reporter.log("info", String.format("sliced %d of %d files into %d clips", sliced.size(), sources.size(), clips));
    }
}
