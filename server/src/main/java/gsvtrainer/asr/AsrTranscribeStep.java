package gsvtrainer.asr;

import gsvtrainer.audio.WavReader;
import gsvtrainer.pipeline.RunReporter;
import gsvtrainer.pipeline.StepAction;
import gsvtrainer.pipeline.StepContext;
import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.pipeline.TaskWorkspace;
import gsvtrainer.transcript.RemovedClips;
import gsvtrainer.transcript.TranscriptConfidence;
import gsvtrainer.transcript.TranscriptLanguage;
import gsvtrainer.transcript.TranscriptLine;
import gsvtrainer.transcript.TranscriptList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code asr_transcribe}: transcribes the clips ASR should read (denoised, else sliced) with the
 * chosen backend into {@code asr/transcript.list}, upstream's {@code path|speaker|LANG|text} format,
 * plus a confidence sidecar. A re-run keeps the lines of clips already transcribed (and the review's
 * edits to them) and transcribes only new clips, unless forced.
 */
public class AsrTranscribeStep implements StepAction<AsrParams> {

    @Override
    public String name() {
        return "asr_transcribe";
    }

    @Override
    public void run(StepContext context, AsrParams given) throws Exception {
        AsrParams params = given.resolve(context.taskConfig(), context.settings());
        TaskWorkspace workspace = context.workspace();
        RunReporter reporter = context.reporter();
        Path source = workspace.clipsForAsr();
        List<Path> clips = clips(source);
        if (clips.isEmpty()) {
            throw new StepFailure("no_input", "no clips to transcribe: run slice_audio first");
        }
        if (source.equals(workspace.sliced()) && !clips(workspace.denoised()).isEmpty()) {
            reporter.log("warn", "reading the sliced clips: denoised/ does not hold a clip denoised after slicing for "
                    + "every sliced clip (run denoise_audio again to use denoised clips)");
        }
        String language = params.language() != null ? params.language()
                : String.valueOf(context.taskConfig().getOrDefault("language", "zh"));
        String tag = TranscriptLanguage.tag(language).orElseThrow(() -> new StepFailure("invalid_language",
                "language " + language + " is not one upstream accepts: " + TranscriptLanguage.TAGS));
        String speaker = params.speaker() != null && !params.speaker().isBlank() ? params.speaker()
                : String.valueOf(context.taskConfig().getOrDefault("exp_name", "speaker"));

        RemovedClips removed = context.force() ? new RemovedClips(Set.of()) : RemovedClips.read(workspace);
        List<Path> wanted = clips.stream().filter(c -> !removed.contains(name(c))).toList();
        if (wanted.size() < clips.size()) {
            reporter.log("info", (clips.size() - wanted.size()) + " clips removed in review stay out (force brings them back)");
        }
        if (wanted.isEmpty()) {
            throw new StepFailure("no_input", "every clip was removed from the transcript in review; "
                    + "run with force to transcribe them again");
        }
        List<TranscriptLine> kept = context.force() ? List.of() : previous(workspace, wanted);
        Set<String> done = kept.stream().map(TranscriptLine::name).collect(Collectors.toSet());
        List<Path> todo = wanted.stream().filter(c -> !done.contains(name(c))).toList();
        TranscriptConfidence before = TranscriptConfidence.read(workspace);

        Map<String, Transcription> fresh = new HashMap<>();
        if (todo.isEmpty()) {
            reporter.log("info", "all " + clips.size() + " clips are already transcribed (force re-runs them)");
        } else {
            Transcriber transcriber = Transcribers.create(params, tag, speaker, context);
            double audioSeconds = seconds(todo);
            AtomicInteger finished = new AtomicInteger();
            long started = System.nanoTime();
            reporter.log("info", String.format("transcribing %d clips (%.1f s of audio) with %s, language %s; %d kept",
                    todo.size(), audioSeconds, params.backend(), tag, kept.size()));
            for (Transcription result : transcriber.transcribe(todo, clip -> {
                int n = finished.incrementAndGet();
                reporter.progress((double) n / todo.size(), Map.of("files_done", n, "files_total", todo.size()));
            })) {
                if (result.failed()) {
                    reporter.log("warn", "could not transcribe " + result.clip().getFileName() + ": " + result.error());
                } else {
                    fresh.put(result.clip().toString(), result);
                }
            }
            double wall = (System.nanoTime() - started) / 1e9;
            reporter.log("info", String.format("transcribed %d of %d clips in %.1f s (real-time factor %.3f)",
                    fresh.size(), todo.size(), wall, audioSeconds > 0 ? wall / audioSeconds : 0));
        }
        if (kept.isEmpty() && fresh.isEmpty()) {
            throw new StepFailure("asr_failed", "no clip could be transcribed; see the run log");
        }
        write(workspace, wanted, kept, fresh, speaker, params.backend(), before);
        if (context.force()) {
            RemovedClips.clear(workspace);
        }
        reporter.artifact("transcript", workspace.transcript(), Map.of("clips", kept.size() + fresh.size(),
                "backend", params.backend(), "language", tag));
    }

    private static void write(TaskWorkspace workspace, List<Path> clips, List<TranscriptLine> kept,
                              Map<String, Transcription> fresh, String speaker, String backend,
                              TranscriptConfidence before) throws IOException {
        Map<String, TranscriptLine> old = kept.stream()
                .collect(Collectors.toMap(TranscriptLine::name, l -> l, (a, b) -> a));
        List<TranscriptLine> lines = new ArrayList<>();
        Map<String, Double> confidence = new LinkedHashMap<>();
        for (Path clip : clips) {
            String name = name(clip);
            Transcription result = fresh.get(clip.toString());
            if (result != null) {
                lines.add(new TranscriptLine(clip.toString(), speaker, result.languageTag(), result.text()));
                if (result.confidence() != null) {
                    confidence.put(name, result.confidence());
                }
            } else if (old.containsKey(name)) {
                lines.add(old.get(name));
                if (before.of(name) != null) {
                    confidence.put(name, before.of(name));
                }
            }
        }
        TranscriptList.write(workspace.transcript(), lines);
        new TranscriptConfidence(backend, confidence).write(workspace);
    }

    /**
     * The lines of an earlier transcript whose clips are among {@code clips}, matched by name as upstream
     * matches them (a clip's name says which span of which upload it holds, so sliced and denoised
     * copies share it), pointed at the clip read now; review edits stay with them.
     */
    private static List<TranscriptLine> previous(TaskWorkspace workspace, List<Path> clips) {
        if (!Files.exists(workspace.transcript())) {
            return List.of();
        }
        Map<String, Path> byName = clips.stream().collect(Collectors.toMap(AsrTranscribeStep::name, c -> c, (a, b) -> a));
        try {
            return TranscriptList.read(workspace.transcript()).stream()
                    .filter(l -> byName.containsKey(l.name()))
                    .map(l -> l.withAudioPath(byName.get(l.name()).toString())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String name(Path clip) {
        return clip.getFileName().toString();
    }

    /** The {@code .wav} clips of a folder, by name, without the slicer's {@code _report.json} and {@code _sources/}. */
    static List<Path> clips(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(TaskWorkspace::isClip)
                    .map(f -> f.toAbsolutePath().normalize())
                    .sorted().toList();
        }
    }

    private static double seconds(List<Path> clips) {
        double total = 0;
        for (Path clip : clips) {
            try (WavReader reader = new WavReader(clip)) {
                total += reader.seconds();
            } catch (IOException e) {
                // an unreadable clip fails in the backend with its own message
            }
        }
        return total;
    }
}
