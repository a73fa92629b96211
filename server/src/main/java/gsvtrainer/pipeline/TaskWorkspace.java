package gsvtrainer.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

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

    /**
     * The clips the ASR step (and so the features) should read: the denoised ones when there is a
     * denoised clip, written after it, for every sliced clip and for no other; else the sliced ones.
     * Denoised clips left from an earlier slicing, or from a denoising that missed clips, are not used.
     */
    public Path clipsForAsr() {
        return denoisedMatchesSliced() ? denoised() : sliced();
    }

    private boolean denoisedMatchesSliced() {
        Map<String, FileTime> sliced = wavTimes(sliced());
        Map<String, FileTime> denoised = wavTimes(denoised());
        if (denoised.isEmpty() || !denoised.keySet().equals(sliced.keySet())) {
            return false;
        }
        return sliced.entrySet().stream().allMatch(e -> denoised.get(e.getKey()).compareTo(e.getValue()) >= 0);
    }

    private static Map<String, FileTime> wavTimes(Path dir) {
        Map<String, FileTime> times = new HashMap<>();
        if (!Files.isDirectory(dir)) {
            return times;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path file : entries.filter(TaskWorkspace::isClip).toList()) {
                times.put(file.getFileName().toString(), Files.getLastModifiedTime(file));
            }
        } catch (IOException e) {
            return new HashMap<>();
        }
        return times;
    }

    /** A clip of the sliced or denoised folder: a {@code .wav}, not a hidden temp file or a {@code _report}. */
    public static boolean isClip(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".wav") && !name.startsWith(".") && !name.startsWith("_");
    }

    /** Creates the folder (and its parents) if missing and returns it. */
    public static Path ensure(Path dir) throws IOException {
        return Files.createDirectories(dir);
    }
}
