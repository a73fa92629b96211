package gsvtrainer.audio;

import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.upstream.UpstreamCheckout;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code frcrn} backend of denoise_audio: upstream's {@code tools/cmd-denoise.py} (ModelScope's
 * FRCRN, which writes 16 kHz clips) run by upstream's interpreter as its webui runs it, with the checkout
 * as working directory. The script denoises every file of its input folder, so that folder holds links
 * to the clips still to do; outputs are moved into {@code denoised/} once it ends. Without the model
 * folder upstream would try to download the model from the ModelScope hub; the backend refuses instead.
 */
final class FrcrnDenoiser {

    static final String SCRIPT = "tools/cmd-denoise.py";
    static final String MODEL = "tools/denoise-model/speech_frcrn_ans_cirm_16k";
    private static final int WAV_HEADER_BYTES = 44;

    private final UpstreamCheckout checkout;

    private FrcrnDenoiser(UpstreamCheckout checkout) {
        this.checkout = checkout;
    }

    /** The backend for the service's settings, or {@code backend_unavailable} naming every missing piece. */
    static FrcrnDenoiser create(Map<String, String> settings) throws StepFailure {
        UpstreamCheckout checkout = UpstreamCheckout.from(settings);
        List<String> missing = new ArrayList<>();
        if (!Files.isRegularFile(checkout.resolve(SCRIPT))) {
            missing.add(checkout.resolve(SCRIPT) + " (setting upstream_dir)");
        }
        if (!Files.isDirectory(checkout.resolve(MODEL))) {
            missing.add("the FRCRN model folder " + checkout.resolve(MODEL));
        }
        if (checkout.python().contains(File.separator) && !Files.isExecutable(Path.of(checkout.python()))) {
            missing.add("the interpreter " + checkout.python() + " (setting upstream_python)");
        }
        if (!missing.isEmpty()) {
            throw new StepFailure("backend_unavailable", "the frcrn backend runs upstream's " + SCRIPT
                    + "; missing: " + String.join("; ", missing) + ". Use backend=spectral or skip=true");
        }
        return new FrcrnDenoiser(checkout);
    }

    /**
     * Denoises {@code clips} into {@code out} through {@code scratch}, counting finished clips in
     * {@code progress} while the script runs. Returns the names it wrote; a clip upstream could not
     * denoise (the script prints its error and goes on) is missing.
     */
    List<String> denoise(List<Path> clips, Path out, Path scratch, ProgressCounter progress)
            throws IOException, InterruptedException, StepFailure {
        Path input = Files.createDirectories(scratch.resolve("input"));
        Path output = Files.createDirectories(scratch.resolve("output"));
        for (Path clip : clips) {
            Path link = input.resolve(clip.getFileName());
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, clip.toAbsolutePath());
        }
        ProcessBuilder builder = new ProcessBuilder(checkout.python(), "-s", SCRIPT, "-i", input.toString(), "-o",
                output.toString(), "-p", "float32").directory(checkout.dir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectErrorStream(true);
        builder.environment().put("PYTHONPATH", checkout.pythonPath());
        builder.environment().put("CUDA_VISIBLE_DEVICES", "");
        Process process = builder.start();
        int reported = 0;
        try {
            while (!process.waitFor(1, TimeUnit.SECONDS)) {
                reported = reportProgress(output, reported, progress);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            throw e;
        }
        reportProgress(output, reported, progress);
        if (process.exitValue() != 0) {
            throw new StepFailure("denoise_failed", "upstream's " + SCRIPT + " exited with " + process.exitValue()
                    + "; see the run log");
        }
        List<String> written = new ArrayList<>();
        for (Path clip : clips) {
            Path result = output.resolve(clip.getFileName());
            if (Files.isRegularFile(result) && Files.size(result) > WAV_HEADER_BYTES) {
                Files.move(result, out.resolve(clip.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                written.add(clip.getFileName().toString());
            }
        }
        return written;
    }

    private static int reportProgress(Path output, int reported, ProgressCounter progress) throws IOException {
        int now;
        try (var files = Files.list(output)) {
            now = (int) files.count();
        }
        if (now > reported) {
            progress.add(now - reported);
        }
        return Math.max(now, reported);
    }
}
