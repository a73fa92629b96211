package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.process.Commands;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks, before anything runs, that the checkout can run a step: the script exists, the interpreter
 * finds torch, ffmpeg is on PATH and the version's pretrained files exist. Every missing piece is
 * named, so one failed run tells the operator everything to fix.
 */
public final class Preflight {

    public static final String UPSTREAM_MISSING = "upstream_missing";

    private static final String FIND_TORCH =
            "import importlib.util, sys; sys.exit(0 if importlib.util.find_spec('torch') else 3)";

    private final UpstreamCheckout checkout;

    public Preflight(UpstreamCheckout checkout) {
        this.checkout = checkout;
    }

    /** Throws {@code upstream_missing} naming every missing piece for the step ({@code null}: all steps). */
    public void require(VersionProfile version, String step) throws StepFailure {
        List<String> missing = missing(version, step);
        if (!missing.isEmpty()) {
            throw new StepFailure(UPSTREAM_MISSING, "GPT-SoVITS upstream is not ready for "
                    + (step == null ? "training" : step) + " (" + version.name() + "): missing " + String.join("; ", missing));
        }
    }

    /** What is missing, one entry per piece; empty when the step can run. */
    public List<String> missing(VersionProfile version, String step) {
        List<String> missing = new ArrayList<>();
        if (!Files.isDirectory(checkout.resolve("GPT_SoVITS"))) {
            missing.add("the checkout " + checkout.dir() + " (setting upstream_dir) has no GPT_SoVITS folder");
            return missing;
        }
        List<String> scripts = step == null
                ? List.of("extract_text_features", "extract_audio_features", "extract_semantic_features", "train_sovits",
                        "train_gpt").stream().map(version::scriptFor).toList()
                : version.scriptFor(step) == null ? List.of() : List.of(version.scriptFor(step));
        scripts.stream().filter(s -> !Files.exists(checkout.resolve(s))).forEach(s -> missing.add("script " + s));
        if (!findsTorch()) {
            missing.add("torch in the Python environment of " + checkout.python() + " (setting upstream_python)");
        }
        if (!onPath("ffmpeg")) {
            missing.add("ffmpeg on PATH");
        }
        List<String> pretrained = step == null ? version.allPretrained() : version.pretrainedFor(step);
        pretrained.stream().map(checkout::pretrained).filter(p -> !Files.exists(p))
                .forEach(p -> missing.add("pretrained " + p));
        return missing;
    }

    private boolean findsTorch() {
        ProcessBuilder builder = new ProcessBuilder(checkout.python(), "-s", "-c", FIND_TORCH)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(Map.of("PYTHONPATH", checkout.pythonPath()));
        return Commands.succeeds(builder, Duration.ofSeconds(60));
    }

    static boolean onPath(String executable) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
    }
}
