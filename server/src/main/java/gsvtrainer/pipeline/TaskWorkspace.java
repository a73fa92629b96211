package gsvtrainer.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder layout of one task. Every step reads and writes only below {@link #root()}; the layout
 * lives here alone so steps, the file API and the adapter agree on it.
 *
 * <pre>
 * root/
 *   uploads/        files as uploaded (server-chosen names)
 *   converted/      convert_audio: mono 16-bit WAV at the target rate
 *   sliced/         slice_audio: clips named source_start_end.wav
 *   denoised/       denoise_audio
 *   asr/            asr_transcribe: transcript.list and its review state
 *   exp/            GPT-SoVITS experiment dir (features, training logs, checkpoints)
 *   weights/sovits, weights/gpt   trained weights
 *   inference/      test_inference audio
 *   runs/RUN_ID/    one folder per step run (log, exit code, scratch)
 * </pre>
 */
public record TaskWorkspace(Path root) {

    public TaskWorkspace {
        root = root.toAbsolutePath().normalize();
    }

    public Path uploads() { return root.resolve("uploads"); }
    public Path converted() { return root.resolve("converted"); }
    public Path sliced() { return root.resolve("sliced"); }
    public Path denoised() { return root.resolve("denoised"); }
    public Path asr() { return root.resolve("asr"); }
    public Path transcript() { return asr().resolve("transcript.list"); }
    public Path experiment() { return root.resolve("exp"); }
    public Path sovitsWeights() { return root.resolve("weights").resolve("sovits"); }
    public Path gptWeights() { return root.resolve("weights").resolve("gpt"); }
    public Path inference() { return root.resolve("inference"); }
    public Path runs() { return root.resolve("runs"); }
    public Path run(String runId) { return runs().resolve(runId); }

    /** The clips the ASR step should read: denoised ones when denoising ran, else the sliced ones. */
    public Path clipsForAsr() {
        return hasFiles(denoised()) ? denoised() : sliced();
    }

    /** Creates the folder (and its parents) if missing and returns it. */
    public static Path ensure(Path dir) throws IOException {
        return Files.createDirectories(dir);
    }

    private static boolean hasFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}
