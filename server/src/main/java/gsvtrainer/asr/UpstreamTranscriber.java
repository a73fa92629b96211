package gsvtrainer.asr;

import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.transcript.TranscriptLanguage;
import gsvtrainer.transcript.TranscriptLine;
import gsvtrainer.transcript.TranscriptList;
import gsvtrainer.upstream.PythonDrivers;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Upstream's own ASR tools run in the upstream environment as its webui runs them:
 * {@code <python> -s tools/asr/funasr_asr.py} for zh/yue, {@code tools/asr/fasterwhisper_asr.py} for
 * the rest, with {@code -i <dir> -o <dir> -s <size> -l <lang> -p <precision>}, the checkout as working
 * directory; then its {@code <out>/<basename(in)>.list} is read back. The input folder holds only
 * links to the clips (upstream transcribes every file of it).
 * <p>
 * Upstream's faster-whisper script downloads its model on every run. Given a local model folder (a
 * CTranslate2 Whisper model: the step's {@code model} param as a folder path, else the service's
 * {@code faster_whisper_model} setting), our driver {@code python/faster_whisper_asr.py} calls that
 * script's own {@code execute_asr} on the folder instead, with no model hub.
 */
final class UpstreamTranscriber implements Transcriber {

    static final String DRIVER = "faster_whisper_asr.py";

    private final Path python;
    private final Path upstream;
    private final String script;
    private final String languageCode;
    private final String size;
    private final String precision;
    private final String speaker;
    private final Path scratch;
    private final Map<String, String> env;
    private final Path localModel;

    private UpstreamTranscriber(Path python, Path upstream, String script, String languageCode, String size,
                                String precision, String speaker, Path scratch, Map<String, String> env, Path localModel) {
        this.python = python;
        this.upstream = upstream;
        this.script = script;
        this.languageCode = languageCode;
        this.size = size;
        this.precision = precision;
        this.speaker = speaker;
        this.scratch = scratch;
        this.env = env;
        this.localModel = localModel;
    }

    /**
     * The backend for a language, or {@code backend_unavailable} naming what is missing.
     *
     * @param gpus the GPU ids to run on (CUDA ids); empty to run on CPU
     */
    static UpstreamTranscriber create(AsrParams params, String languageTag, String speaker, Map<String, String> settings,
                                      List<String> gpus, Path scratch) throws StepFailure {
        String dir = settings.getOrDefault("upstream_dir", "");
        String interpreter = settings.getOrDefault("upstream_python", "");
        if (dir.isBlank() || !Files.isDirectory(Path.of(dir))) {
            throw new StepFailure("backend_unavailable", "the upstream backend needs a GPT-SoVITS checkout: "
                    + "the upstream_dir setting (GSV_UPSTREAM_DIR) is " + (dir.isBlank() ? "not set" : "not a folder"));
        }
        Path upstream = Path.of(dir).toAbsolutePath();
        Path python = interpreter.contains(File.separator) ? Path.of(interpreter)
                : PocketsphinxCli.onPath(interpreter.isBlank() ? "python3" : interpreter).orElse(Path.of(interpreter));
        if (!Files.isExecutable(python)) {
            throw new StepFailure("backend_unavailable", "the upstream interpreter " + interpreter + " is not an executable");
        }
        boolean chinese = languageTag.equals("ZH") || languageTag.equals("YUE");
        String script = chinese ? "funasr_asr.py" : "fasterwhisper_asr.py";
        if (!Files.isRegularFile(upstream.resolve("tools/asr").resolve(script))) {
            throw new StepFailure("backend_unavailable", "the upstream checkout has no tools/asr/" + script);
        }
        if (chinese && params.model() != null && params.model().contains("/")) {
            throw new StepFailure("invalid_param", "a model folder is for faster-whisper; " + languageTag
                    + " goes to upstream's FunASR, whose model param is a size (large)");
        }
        Path localModel = chinese ? null : localModel(params.model(), settings.getOrDefault("faster_whisper_model", ""));
        String size = params.model() != null && !params.model().isBlank() ? params.model() : chinese ? "large" : "large-v3";
        String precision = chinese || gpus.isEmpty() ? "float32" : "float16";
        return new UpstreamTranscriber(python, upstream, script, TranscriptLanguage.code(languageTag).orElseThrow(), size,
                precision, speaker, scratch, environment(upstream, gpus), localModel);
    }

    /**
     * The local faster-whisper model folder to use, or null for upstream's download by size: the
     * {@code model} param where it is a path (a size name has no '/'), else the configured folder when
     * the param names nothing.
     */
    private static Path localModel(String model, String configured) throws StepFailure {
        String chosen = model != null && model.contains("/") ? model
                : (model == null || model.isBlank()) && !configured.isBlank() ? configured : null;
        if (chosen == null) {
            return null;
        }
        Path folder = Path.of(chosen).toAbsolutePath().normalize();
        if (!Files.isRegularFile(folder.resolve("model.bin"))) {
            throw new StepFailure("backend_unavailable", "the faster-whisper model " + chosen
                    + " is not a CTranslate2 model folder (no model.bin)");
        }
        return folder;
    }

    @Override
    public List<Transcription> transcribe(List<Path> clips, Consumer<Path> done) throws Exception {
        Path input = scratch.resolve("input").resolve(speaker);
        Path output = scratch.resolve("output");
        Files.createDirectories(input);
        Files.createDirectories(output);
        Map<String, Path> byName = new HashMap<>();
        for (Path clip : clips) {
            Path link = input.resolve(clip.getFileName().toString());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, clip.toAbsolutePath());
            byName.put(clip.getFileName().toString(), clip);
        }
        List<String> command = localModel == null
                ? List.of(python.toString(), "-s", "tools/asr/" + script, "-i", input.toString(), "-o", output.toString(),
                        "-s", size, "-l", languageCode, "-p", precision)
                : List.of(python.toString(), "-s", PythonDrivers.extract(DRIVER, scratch).toString(), input.toString(),
                        output.toString(), localModel.toString(), languageCode, precision);
        ProcessBuilder builder = new ProcessBuilder(command).directory(upstream.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        Path list = output.resolve(speaker + ".list");
        if (exit != 0 || !Files.exists(list)) {
            throw new StepFailure("asr_failed", (localModel == null ? "upstream's tools/asr/" + script : DRIVER) + " exited with " + exit
                    + (Files.exists(list) ? "" : " and wrote no list") + "; see the run log");
        }
        return collect(TranscriptList.read(list), byName, done);
    }

    private List<Transcription> collect(List<TranscriptLine> lines, Map<String, Path> byName, Consumer<Path> done) {
        List<Transcription> results = new ArrayList<>();
        Map<String, Path> missing = new HashMap<>(byName);
        for (TranscriptLine line : lines) {
            Path clip = missing.remove(line.name());
            if (clip == null) {
                continue;
            }
            String tag = TranscriptLanguage.tag(line.language()).orElse(TranscriptLanguage.tag(languageCode).orElseThrow());
            results.add(Transcription.of(clip, line.text(), tag, null));
            done.accept(clip);
        }
        for (Path clip : missing.values()) {
            results.add(Transcription.failed(clip, "upstream's ASR wrote no line for it; see the run log"));
            done.accept(clip);
        }
        return results;
    }

    /** Upstream's import path (as its webui sets it) and the GPUs to use. */
    private static Map<String, String> environment(Path upstream, List<String> gpus) {
        Map<String, String> env = new HashMap<>();
        List<String> path = new ArrayList<>();
        for (String sub : List.of("", "GPT_SoVITS", "GPT_SoVITS/BigVGAN", "tools", "tools/asr", "tools/uvr5")) {
            path.add(sub.isEmpty() ? upstream.toString() : upstream.resolve(sub).toString());
        }
        String existing = System.getenv("PYTHONPATH");
        if (existing != null && !existing.isBlank()) {
            path.add(existing);
        }
        env.put("PYTHONPATH", String.join(File.pathSeparator, path));
        env.put("CUDA_VISIBLE_DEVICES", String.join(",", gpus));
        return env;
    }
}
