package gsvtrainer.bench;

import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.TaskInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audio preprocessing benchmark of issue 3, through the service like a user: a 1-hour 44.1 kHz
 * stereo mp3 of speech uploaded, converted and sliced (speed, peak RSS of the step process), denoising
 * of 10 minutes of clips, ASR of 2 minutes (pocketsphinx; upstream's faster-whisper and whisper.cpp on
 * Whisper tiny.en where {@code scripts/fetch-asr-model.sh} made it, the former with the upstream
 * checkout), and upstream's slicer on the same hour.
 */
final class AudioBench {

    private static final double HOUR = 3600;
    private static final int ROUNDS = 3;
    /**
     * CPU niceness of our steps (GSV_STEP_NICE; the service's default is 10) and of upstream's script:
     * the same for both, and that of other work on a shared machine, so neither is starved by it.
     */
    private static final int STEP_NICE = 0;
    /** Our slicer without its length limits, to compare with upstream, which has none. */
    private static final Map<String, Object> UNLIMITED = Map.of("max_clip_seconds", 1000, "min_clip_seconds", 0);

    private final Path jar;
    private final Path work;
    private final List<String> report;
    private final Optional<UpstreamSlice> checkout = UpstreamSlice.find(new StringBuilder());
    private final Path fasterWhisper = Path.of(System.getenv().getOrDefault("GSV_TEST_FASTER_WHISPER_MODEL",
            System.getProperty("user.home") + "/.cache/gsv-trainer/models/faster-whisper-tiny.en"));
    private final Path whisperModel = Path.of(System.getenv().getOrDefault("GSV_TEST_WHISPER_MODEL",
            System.getProperty("user.home") + "/.cache/gsv-trainer/models/ggml-tiny.en.bin"));

    AudioBench(Path jar, Path work, List<String> report) {
        this.jar = jar;
        this.work = work;
        this.report = report;
    }

    void run() throws Exception {
        Path dir = Files.createDirectories(work.resolve("audio-input"));
        double loadBefore = Machine.load();
        SpeechInput speech = SpeechInput.in(dir);
        Path hour = speech.mp3(dir.resolve("speech-1h.mp3"), HOUR);
        Path tenMinutes = speech.mp3(dir.resolve("speech-10min.mp3"), 600);
        Path twoMinutes = speech.mp3(dir.resolve("speech-2min.mp3"), 120);
        report.add("## Audio preprocessing (issue 3)");
        report.add("Machine: " + Machine.describe() + ". 1-minute load average when the inputs were built: "
                + loadBefore + ".");
        report.add("");
        report.add(String.format("Input: %s (%.1f MiB), the English sentence fixtures in a fixed order with "
                + "0.15–3 s pauses and a -60 dBFS noise floor, looped to 1 hour and encoded by the ffmpeg CLI "
                + "(44.1 kHz stereo, 128 kb/s).", hour.getFileName(), Files.size(hour) / 1048576.0));
        report.add("");
        Path ourWorkspace;
        double ourWall;
        Map<String, String> env = new HashMap<>(Map.of("GSV_STEP_NICE", Integer.toString(STEP_NICE)));
        checkout.ifPresent(c -> env.putAll(Map.of("GSV_UPSTREAM_DIR", c.checkout().toString(),
                "GSV_UPSTREAM_PYTHON", c.python().toString())));
        try (LiveServer server = new LiveServer(jar, work.resolve("audio"), env)) {
            List<Round> rounds = new ArrayList<>();
            String unlimitedTask = null;
            for (int i = 0; i < ROUNDS; i++) {
                // a fresh task for each convert + slice: a user's first slicing of an upload, which
                // deletes no clips of an earlier one (see "Re-slicing" in docs/benchmarks.md)
                // created and uploaded just before its convert, as a user does
                double load = Machine.load();
                String task = upload(server.client, "hour-" + i, hour);
                MeasuredRun convert = MeasuredRun.of(server, task, "convert_audio", Map.of());
                MeasuredRun slice = MeasuredRun.of(server, task, "slice_audio", Map.of());
                unlimitedTask = upload(server.client, "hour-unlimited-" + i, hour);
                MeasuredRun convertAgain = MeasuredRun.of(server, unlimitedTask, "convert_audio", Map.of());
                MeasuredRun unlimited = MeasuredRun.of(server, unlimitedTask, "slice_audio", UNLIMITED);
                rounds.add(new Round(convert, slice, convertAgain, unlimited, load + " → " + Machine.load()));
            }
            Round best = rounds.stream().min(Comparator.comparingDouble(Round::wallSeconds)).orElseThrow();
            Round bestUnlimited = rounds.stream().min(Comparator.comparingDouble(Round::unlimitedWallSeconds))
                    .orElseThrow();
            convertAndSlice(best, bestUnlimited, rounds);
            ourWorkspace = workspace(server, unlimitedTask);
            ourWall = bestUnlimited.unlimitedWallSeconds();
            denoise(server, tenMinutes);
            asr(server, twoMinutes);
        }
        upstream(hour, ourWorkspace, ourWall);
    }

    /**
     * One convert and slice of the hour, and in another task one convert and slice without length
     * limits, with the load around them.
     */
    private record Round(MeasuredRun convert, MeasuredRun slice, MeasuredRun convertAgain, MeasuredRun unlimited,
            String loads) {

        /** Convert + slice, wall. */
        double wallSeconds() {
            return convert.wallSeconds() + slice.wallSeconds();
        }

        /** What the upstream comparison counts: convert + slice without length limits, wall. */
        double unlimitedWallSeconds() {
            return convertAgain.wallSeconds() + unlimited.wallSeconds();
        }
    }

    private void convertAndSlice(Round best, Round bestUnlimited, List<Round> rounds) {
        MeasuredRun convert = best.convert();
        MeasuredRun slice = best.slice();
        MeasuredRun unlimited = bestUnlimited.unlimited();
        report.add("### Convert + slice of the 1-hour mp3 (one upload, so one file)");
        report.add("Each run was given cpuThreads = " + convert.cpuThreads() + " (cores / CPU slots); with one "
                + "upload, convert_audio decodes segments of the mp3 on that many threads while the step's main "
                + "thread resamples and writes, and slice_audio writes the clips on that many threads. "
                + "Work = the step's own time (its `timing` log line); wall = queued → outcome recorded (run record). "
                + "Steps ran at nice " + STEP_NICE + " (GSV_STEP_NICE; the service's default is 10, which other work on "
                + "a shared machine starves). Each convert + slice ran in a task of its own, just created with the "
                + "upload. The machine is shared, so this ran " + ROUNDS + " times; the table shows the round "
                + "with the shortest convert + slice wall, whose 1-minute load was " + best.loads()
                + " (the limits-off row: the shortest of its own convert + slice, " + String.format("%.1f s",
                        bestUnlimited.unlimitedWallSeconds()) + "). All rounds, convert + slice wall in s (load): "
                + String.join(", ", rounds.stream().map(r -> String.format("%.1f (%s)", r.wallSeconds(), r.loads()))
                        .toList()) + "; limits off: " + String.join(", ", rounds.stream()
                        .map(r -> String.format("%.1f", r.unlimitedWallSeconds())).toList()) + ".");
        report.add("| run | work s | wall s | × real time (work) | × real time (wall) | per core given (wall ÷ "
                + convert.cpuThreads() + ") | CPU s of the step process | × real time per CPU second | peak RSS of the step process |");
        report.add("|---|---|---|---|---|---|---|---|---|");
        report.add(speedRow("convert_audio", convert, HOUR));
        report.add(speedRow("slice_audio (defaults: max 25 s, min 0.6 s)", slice, HOUR));
        MeasuredRun both = new MeasuredRun("convert+slice", "", convert.workSeconds() + slice.workSeconds(),
                convert.wallSeconds() + slice.wallSeconds(), convert.cpuThreads(),
                Math.max(convert.peakRssMiB(), slice.peakRssMiB()), convert.cpuSeconds() + slice.cpuSeconds(), null);
        report.add(speedRow("**convert + slice**", both, HOUR));
        report.add(speedRow("slice_audio (max_clip_seconds 1000, min_clip_seconds 0; for the upstream comparison)",
                unlimited, HOUR));
        report.add("");
    }

    private void denoise(LiveServer server, Path input) throws Exception {
        String task = upload(server.client, "denoise", input);
        MeasuredRun.of(server, task, "convert_audio", Map.of());
        MeasuredRun.of(server, task, "slice_audio", Map.of());
        double seconds = ClipBoundaries.in(workspace(server, task).resolve("sliced")).seconds();
        double load = Machine.load();
        MeasuredRun denoise = MeasuredRun.of(server, task, "denoise_audio", Map.of("backend", "spectral"));
        report.add("### denoise_audio (spectral backend) on the clips of a 10-minute input");
        report.add(String.format("%.0f s of sliced clips; 1-minute load %s → %s.", seconds, load, Machine.load()));
        report.add("| run | work s | wall s | × real time (work) | × real time (wall) | per core given (wall ÷ "
                + denoise.cpuThreads() + ") | CPU s of the step process | × real time per CPU second | peak RSS of the step process |");
        report.add("|---|---|---|---|---|---|---|---|---|");
        report.add(speedRow("denoise_audio, backend spectral", denoise, seconds));
        report.add("");
    }

    private void asr(LiveServer server, Path input) throws Exception {
        String task = upload(server.client, "asr", input);
        MeasuredRun.of(server, task, "convert_audio", Map.of());
        MeasuredRun.of(server, task, "slice_audio", Map.of());
        Path sliced = workspace(server, task).resolve("sliced");
        double seconds = ClipBoundaries.in(sliced).seconds();
        int clips = ClipBoundaries.in(sliced).clips().size();
        List<String> sentences = Files.readAllLines(SpeechInput.FIXTURES.resolve("sentences.txt")).stream()
                .filter(l -> l.contains("|en|")).map(l -> l.substring(l.lastIndexOf('|') + 1)).toList();
        double load = Machine.load();
        MeasuredRun free = MeasuredRun.of(server, task, "asr_transcribe", Map.of("backend", "pocketsphinx"));
        MeasuredRun grammar = MeasuredRun.of(server, task, "asr_transcribe",
                Map.of("backend", "pocketsphinx", "grammar", sentences));
        report.add("### asr_transcribe, pocketsphinx backend (Debian `pocketsphinx_continuous`, en-US model)");
        report.add(String.format("%d clips, %.0f s of audio; %d threads (one pocketsphinx process per clip); "
                + "1-minute load %s → %s. Real-time factor = time ÷ audio duration (lower is faster).",
                clips, seconds, free.cpuThreads(), load, Machine.load()));
        report.add("| decoding | work s | wall s | real-time factor (work) | real-time factor (wall) |");
        report.add("|---|---|---|---|---|");
        for (MeasuredRun run : List.of(free, grammar)) {
            report.add(String.format("| %s | %.1f | %.1f | %.3f | %.3f |", run == free ? "free (default language model)"
                    : "with the fixture sentences as a JSGF grammar", run.workSeconds(), run.wallSeconds(),
                    run.workSeconds() / seconds, run.wallSeconds() / seconds));
        }
        report.add("");
        fasterWhisper(server, task, seconds);
        whisperCpp(server, task, seconds);
        report.add("Not measured: the `upstream` backend's FunASR (zh/yue). Upstream's `tools/asr/funasr_asr.py` "
                + "loads Fun-ASR-Nano-2512 with the fsmn-vad model for zh, and UniASR for yue, from Hugging Face or "
                + "ModelScope; neither hub is reachable from this machine and no PyPI package carries those weights, "
                + "so no figure is given.");
        report.add("");
    }

    /** The whisper_cpp backend on the same clips, with the same tiny.en converted to ggml. */
    private void whisperCpp(LiveServer server, String task, double seconds) throws Exception {
        localModel(server, task, seconds, "whisper_cpp backend (whisper-jni, local model)",
                Files.isRegularFile(whisperModel) ? null : "the ggml model " + whisperModel,
                Map.of("backend", "whisper_cpp", "language", "en", "model", whisperModel.toString()),
                "the same Whisper tiny.en written as a ggml file by `scripts/ct2-whisper-to-ggml.py` (float16 "
                        + "matrices), whisper.cpp in the step's JVM through whisper-jni, greedy decoding, clips in "
                        + "turn on the run's threads.");
    }

    /** The upstream backend on the same clips: upstream's faster-whisper transcription on a local tiny.en. */
    private void fasterWhisper(LiveServer server, String task, double seconds) throws Exception {
        boolean ready = checkout.isPresent() && Files.isRegularFile(fasterWhisper.resolve("model.bin"));
        localModel(server, task, seconds, "upstream backend (upstream's faster-whisper transcription, local model)",
                ready ? null : "a GPT-SoVITS checkout with its Python environment and the model folder " + fasterWhisper,
                Map.of("backend", "upstream", "language", "en", "model", fasterWhisper.toString()),
                "Whisper tiny.en in CTranslate2 form (the weights of Systran/faster-whisper-tiny.en, unpacked from a "
                        + "PyPI package), float32 on the CPU, beam 5 and upstream's VAD settings, one process for all "
                        + "clips (upstream's `execute_asr`, run by our driver); the time includes starting Python, "
                        + "importing upstream's modules and loading the model.");
    }

    /** One ASR backend on a local model over the clips of {@code task}: its row, or why it was skipped. */
    private void localModel(LiveServer server, String task, double seconds, String backend, String missing,
            Map<String, Object> params, String setup) throws Exception {
        report.add("### asr_transcribe, " + backend);
        if (missing != null) {
            report.add("Skipped: it needs " + missing + " (`scripts/fetch-asr-model.sh` makes the model).");
            report.add("");
            return;
        }
        double load = Machine.load();
        MeasuredRun run = MeasuredRun.of(server, task, "asr_transcribe", params);
        report.add(String.format("The same clips (%.0f s of audio); %s %d threads given. 1-minute load %s → %s.",
                seconds, setup, run.cpuThreads(), load, Machine.load()));
        report.add("| model | work s | wall s | real-time factor (work) | real-time factor (wall) |");
        report.add("|---|---|---|---|---|");
        report.add(String.format("| tiny.en | %.1f | %.1f | %.3f | %.3f |", run.workSeconds(), run.wallSeconds(),
                run.workSeconds() / seconds, run.wallSeconds() / seconds));
        report.add("");
    }

    private void upstream(Path hour, Path ourWorkspace, double ourWall) throws Exception {
        report.add("### Side by side with upstream GPT-SoVITS `tools/slice_audio.py` (same 1-hour mp3)");
        StringBuilder why = new StringBuilder();
        Optional<UpstreamSlice> upstream = UpstreamSlice.find(why);
        if (upstream.isEmpty()) {
            report.add("Skipped: " + why + ".");
            report.add("");
            return;
        }
        ClipBoundaries ours = ClipBoundaries.in(ourWorkspace.resolve("sliced"));
        double load = Machine.load();
        UpstreamSlice.Result first = upstream.get().slice(hour, work.resolve("upstream-sliced-mp3-1"), STEP_NICE);
        UpstreamSlice.Result second = upstream.get().slice(hour, work.resolve("upstream-sliced-mp3"), STEP_NICE);
        UpstreamSlice.Result onMp3 = first.wallSeconds() < second.wallSeconds() ? first : second;
        Path converted;
        try (var files = Files.list(ourWorkspace.resolve("converted"))) {
            converted = files.filter(f -> f.toString().endsWith(".wav")).findFirst().orElseThrow();
        }
        UpstreamSlice.Result onWav = upstream.get().slice(converted, work.resolve("upstream-sliced-wav"), STEP_NICE);
        report.add(String.format("Upstream run as its webui runs it (`python -s tools/slice_audio.py <input> <out> -34 4000 "
                + "300 10 500 0.9 0.25 0 1`, cwd = checkout): it decodes with the ffmpeg CLI to 32 kHz mono float "
                + "and slices on one core. Ours: convert_audio + slice_audio with max_clip_seconds 1000 and "
                + "min_clip_seconds 0 (upstream has no length limits), wall times from the run records; our slicer "
                + "cuts on the energies of the samples before convert_audio rounds them to 16 bits. "
                + "Upstream was also run on our converted 16-bit WAV: the same samples rounded, which shows what "
                + "the rounding alone moves. Upstream and our steps ran at nice %d (GSV_STEP_NICE; the service's "
                + "default is 10), upstream twice on the mp3: the faster run is shown (the other took %.1f s). "
                + "1-minute load %s → %s.", STEP_NICE,
                Math.max(first.wallSeconds(), second.wallSeconds()), load, Machine.load()));
        report.add("| upstream's input | upstream wall s | × real time | peak RSS (Python process) | upstream clips "
                + "| our clips | upstream clips matched by ours (both ends ≤ 10 ms) | largest boundary difference |");
        report.add("|---|---|---|---|---|---|---|---|");
        report.add(comparisonRow("the 1-hour mp3 (same input as ours)", onMp3, ours));
        report.add(comparisonRow("our converted 16-bit WAV (the same samples, rounded)", onWav, ours));
        report.add("");
        report.add(String.format("Speed: our convert + slice took %.1f s wall (%.0f× real time), upstream %.1f s on the "
                + "same mp3: **speed ratio %.2f** (upstream wall ÷ ours; target ≥ 3).", ourWall, HOUR / ourWall,
                onMp3.wallSeconds(), onMp3.wallSeconds() / ourWall));
        report.add("");
    }

    private static String comparisonRow(String label, UpstreamSlice.Result result, ClipBoundaries ours)
            throws Exception {
        ClipBoundaries.Comparison cmp = ours.against(ClipBoundaries.in(result.clips()), 10);
        return String.format("| %s | %.1f | %.0f× | %.0f MiB | %d | %d | %d | %.1f ms |", label, result.wallSeconds(),
                HOUR / result.wallSeconds(), result.peakRssMiB(), cmp.theirs(), cmp.ours(), cmp.matched(),
                cmp.maxDiffMs());
    }

    private String upload(GsvTrainerClient client, String name, Path file) {
        TaskInfo task = client.createTask("audio-" + name, Map.of("exp_name", name, "language", "en"));
        client.uploadFile(task.taskId(), file);
        return task.taskId();
    }

    private static Path workspace(LiveServer server, String task) {
        return server.dataDir.resolve("tasks").resolve(task);
    }

    private static String speedRow(String label, MeasuredRun run, double audioSeconds) {
        return String.format("| %s | %.1f | %.1f | %.0f× | %.0f× | %.0f× | %.1f | %.0f× | %.0f MiB |", label,
                run.workSeconds(), run.wallSeconds(), audioSeconds / run.workSeconds(), audioSeconds / run.wallSeconds(),
                audioSeconds / run.wallSeconds() / run.cpuThreads(), run.cpuSeconds(), audioSeconds / run.cpuSeconds(),
                run.peakRssMiB());
    }
}
