package gsvtrainer.audio;

import gsvtrainer.files.JsonFiles;
import gsvtrainer.pipeline.RunReporter;
import gsvtrainer.pipeline.StepAction;
import gsvtrainer.pipeline.StepContext;
import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.pipeline.TaskWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code denoise_audio}: every clip of {@code sliced/} through the native spectral gate into
 * {@code denoised/}, same names and rate, or with {@code backend=frcrn} through upstream's FRCRN model
 * (16 kHz out, as webui's denoise leaves them). With {@code skip} it does nothing but clear earlier
 * denoised clips, so ASR reads the sliced ones.
 */
public class DenoiseAudioStep implements StepAction<DenoiseAudioParams> {

    /** Beside the denoised clips: the params they were made with. */
    static final String PARAMS = "_params.json";

    @Override
    public String name() {
        return "denoise_audio";
    }

    @Override
    public void run(StepContext context, DenoiseAudioParams params) throws Exception {
        TaskWorkspace workspace = context.workspace();
        RunReporter reporter = context.reporter();
        if (params.skip()) {
            int removed = removeStale(workspace.denoised(), Set.of());
            Files.deleteIfExists(workspace.denoised().resolve(PARAMS));
            reporter.log("info", "denoise_audio skipped (skip=true): ASR reads the sliced clips"
                    + (removed > 0 ? "; removed " + removed + " earlier denoised clips" : ""));
            return;
        }
        List<Path> clips = AudioFiles.list(workspace.sliced(), ".wav");
        if (clips.isEmpty()) {
            throw new StepFailure("no_input", "no sliced clips to denoise: run slice_audio first");
        }
        Path out = TaskWorkspace.ensure(workspace.denoised());
        AudioFiles.removeLeftovers(out);
        removeStale(out, clips.stream().map(c -> c.getFileName().toString()).collect(Collectors.toSet()));
        // clips denoised with other params are done again, as if forced
        boolean redo = context.force()
                || !JsonFiles.read(out.resolve(PARAMS), DenoiseAudioParams.class).equals(Optional.of(params));
        if (redo && !context.force() && !AudioFiles.list(out, ".wav").isEmpty()) {
            reporter.log("info", "params differ from those of the denoised clips there: denoising every clip again");
        }
        Files.deleteIfExists(out.resolve(PARAMS));
        if (params.backend().equals("frcrn")) {
            denoiseWithFrcrn(context, clips, out, redo);
        } else {
            denoiseWithSpectralGate(context, params, clips, out, redo);
        }
        JsonFiles.write(out.resolve(PARAMS), params);
    }

    private static void denoiseWithSpectralGate(StepContext context, DenoiseAudioParams params, List<Path> clips,
                                                Path out, boolean redo) throws Exception {
        RunReporter reporter = context.reporter();
        SpectralGateDenoiser denoiser = new SpectralGateDenoiser(params.reductionDb());
        ProgressCounter progress = new ProgressCounter(reporter, "files", clips.size());

        List<ParallelJobs.Outcome<Boolean>> outcomes = ParallelJobs.run(clips, context.cpuThreads(), clip -> {
            Path target = out.resolve(clip.getFileName());
            if (!redo && isFresh(target, clip)) {
                return false;
            }
            MonoAudio denoised = denoiser.denoise(WavReader.readAll(clip));
            AudioFiles.writeWav(target, denoised.samples(), denoised.sampleRate());
            return true;
        }, outcome -> progress.add(1));

        long failed = 0;
        for (var outcome : outcomes) {
            if (outcome.failed()) {
                reporter.log("warn", "could not denoise " + outcome.failureMessage());
                failed++;
            }
        }
        if (failed == clips.size()) {
            throw new StepFailure("no_clips", "no clip could be denoised");
        }
        long done = outcomes.stream().filter(o -> !o.failed() && o.result()).count();
        reporter.log("info", String.format("denoised %d clips (%d already done, %d failed), reduction %.0f dB",
                done, clips.size() - done - failed, failed, params.reductionDb()));
    }

    private static void denoiseWithFrcrn(StepContext context, List<Path> clips, Path out, boolean redo) throws Exception {
        FrcrnDenoiser frcrn = FrcrnDenoiser.create(context.settings());
        List<Path> todo = clips.stream().filter(c -> redo || !isFresh(out.resolve(c.getFileName()), c)).toList();
        ProgressCounter progress = new ProgressCounter(context.reporter(), "files", clips.size());
        progress.add(clips.size() - todo.size());
        Path scratch = context.runDir().resolve("frcrn");
        List<String> written = todo.isEmpty() ? List.of() : frcrn.denoise(todo, out, scratch, progress);
        List<String> failed = todo.stream().map(c -> c.getFileName().toString()).filter(n -> !written.contains(n)).toList();
        failed.forEach(name -> context.reporter().log("warn", "could not denoise " + name + ": upstream's FRCRN wrote "
                + "no output for it (its error is in the run log)"));
        if (!todo.isEmpty() && written.isEmpty()) {
            throw new StepFailure("no_clips", "no clip could be denoised by upstream's FRCRN; see the run log");
        }
        context.reporter().log("info", String.format("denoised %d clips with upstream's FRCRN (%d already done, %d failed)",
                written.size(), clips.size() - todo.size(), failed.size()));
    }

    /** A denoised clip written after its sliced clip: one from an earlier slicing is done again. */
    private static boolean isFresh(Path denoised, Path sliced) {
        try {
            return Files.exists(denoised)
                    && Files.getLastModifiedTime(denoised).compareTo(Files.getLastModifiedTime(sliced)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Deletes denoised clips whose sliced clip is not in {@code keep}; returns how many. */
    private static int removeStale(Path dir, Set<String> keep) throws Exception {
        int removed = 0;
        for (Path clip : AudioFiles.list(dir, ".wav")) {
            if (!keep.contains(clip.getFileName().toString())) {
                Files.delete(clip);
                removed++;
            }
        }
        return removed;
    }
}
