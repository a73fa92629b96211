package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepContext;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A GPT-SoVITS checkout, the interpreter of its Python environment and the folder of its pretrained
 * models, as the service's settings name them ({@code upstream_dir}, {@code upstream_python},
 * {@code pretrained_dir}; the last defaults to the checkout's {@code GPT_SoVITS/pretrained_models}).
 */
public record UpstreamCheckout(Path dir, String python, Path pretrainedDir) {

    /** Where upstream keeps its pretrained models, relative to the checkout. */
    public static final String DEFAULT_PRETRAINED = "GPT_SoVITS/pretrained_models";

    /** Folders upstream's webui puts on {@code sys.path} (its {@code users.pth}), relative to the checkout. */
    static final List<String> IMPORT_PATH = List.of("", "GPT_SoVITS", "GPT_SoVITS/BigVGAN", "tools", "tools/asr", "tools/uvr5");

    public UpstreamCheckout {
        dir = dir.toAbsolutePath().normalize();
        pretrainedDir = (pretrainedDir == null ? dir.resolve(DEFAULT_PRETRAINED) : pretrainedDir).toAbsolutePath().normalize();
    }

    public UpstreamCheckout(Path dir, String python) {
        this(dir, python, null);
    }

    public static UpstreamCheckout from(Map<String, String> settings) {
        String dir = settings.getOrDefault("upstream_dir", "");
        String python = settings.getOrDefault("upstream_python", "");
        String pretrained = settings.getOrDefault("pretrained_dir", "");
        return new UpstreamCheckout(Path.of(dir.isBlank() ? "upstream-dir-not-set" : dir),
                python.isBlank() ? "python3" : python, pretrained.isBlank() ? null : Path.of(pretrained));
    }

    public static UpstreamCheckout of(StepContext context) {
        return from(context.settings());
    }

    public Path resolve(String relative) {
        return dir.resolve(relative);
    }

    /** A pretrained model file or folder, named relative to the pretrained folder. */
    public Path pretrained(String relative) {
        return pretrainedDir.resolve(relative);
    }

    /** {@code PYTHONPATH} as webui sets it up. */
    public String pythonPath() {
        return IMPORT_PATH.stream().map(p -> p.isEmpty() ? dir.toString() : dir.resolve(p).toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
