package gsvtrainer.asr;

import gsvtrainer.pipeline.StepFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The offline backend: Debian's pocketsphinx CLI with its US English model, one process per clip
 * on 16 kHz copies, optionally constrained by a JSGF grammar of the expected sentences (free
 * decoding of synthetic or accented speech is poor; with the script as a grammar it is exact).
 */
final class PocketsphinxTranscriber implements Transcriber {

    private final PocketsphinxCli cli;
    private final PocketsphinxModel model;
    private final JsgfGrammar grammar;
    private final Path scratch;
    private final int threads;

    private PocketsphinxTranscriber(PocketsphinxCli cli, PocketsphinxModel model, JsgfGrammar grammar, Path scratch,
                                    int threads) {
        this.cli = cli;
        this.model = model;
        this.grammar = grammar;
        this.scratch = scratch;
        this.threads = threads;
    }

    /** The backend, or a {@code backend_unavailable} failure naming the missing tool or model. */
    static PocketsphinxTranscriber create(AsrParams params, String languageTag, Path scratch, int threads)
            throws StepFailure, IOException {
        if (!"EN".equals(languageTag)) {
            throw new StepFailure("unsupported_language", "the pocketsphinx backend has only an English model; "
                    + "the clips are " + languageTag + " (use backend upstream or whisper_cpp)");
        }
        PocketsphinxCli cli = PocketsphinxCli.find();
        PocketsphinxModel model = PocketsphinxModel.in(params.model());
        JsgfGrammar grammar = params.grammar().isEmpty() ? null : JsgfGrammar.of(params.grammar(), model.words());
        return new PocketsphinxTranscriber(cli, model, grammar, scratch, threads);
    }

    @Override
    public List<Transcription> transcribe(List<Path> clips, Consumer<Path> done) throws Exception {
        Files.createDirectories(scratch);
        Path grammarFile = null;
        if (grammar != null) {
            grammarFile = scratch.resolve("grammar.jsgf");
            Files.writeString(grammarFile, grammar.text(), StandardCharsets.UTF_8);
        }
        Path jsgf = grammarFile;
        Resampler resampler = new Resampler(scratch.resolve("16k"));
        return ClipWorkers.run(clips, threads, clip -> decode(clip, resampler, jsgf), done);
    }

    private Transcription decode(Path clip, Resampler resampler, Path jsgf) throws Exception {
        Path wav = resampler.at16k(clip);
        Path out = scratch.resolve(wav.getFileName() + ".out");
        Path err = scratch.resolve(wav.getFileName() + ".err");
        try {
            Process process = new ProcessBuilder(cli.command(wav, model, jsgf))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            int exit;
            try {
                exit = process.waitFor();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                throw e;
            }
            if (exit != 0) {
                return Transcription.failed(clip, "pocketsphinx exited with " + exit + ": " + lastLine(err));
            }
            PocketsphinxCli.Result result = cli.parse(Files.readAllLines(out, StandardCharsets.UTF_8));
            String text = grammar == null ? result.text() : grammar.restore(result.text());
            return Transcription.of(clip, text, "EN", result.confidence());
        } finally {
            Files.deleteIfExists(wav);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "(no message)" : lines.get(lines.size() - 1).strip();
    }
}
