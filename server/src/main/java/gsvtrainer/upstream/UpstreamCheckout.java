package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepContext;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A GPT-SoVITS checkout and the interpreter of its Python environment, as the service's settings
 * name them ({@code upstream_dir}, {@code upstream_python}).
 */
public record UpstreamCheckout(Path dir, String python) {

    /** Folders upstream's webui puts on {@code sys.path} (its {@code users.pth}), relative to the checkout. */
    static final List<String> IMPORT_PATH = List.of("", "GPT_SoVITS", "GPT_SoVITS/BigVGAN", "tools", "tools/asr", "tools/uvr5");

    public UpstreamCheckout {
        dir = dir.toAbsolutePath().normalize();
    }

    public static UpstreamCheckout from(Map<String, String> settings) {
        String dir = settings.getOrDefault("upstream_dir", "");
        String python = settings.getOrDefault("upstream_python", "");
        return new UpstreamCheckout(Path.of(dir.isBlank() ? "upstream-dir-not-set" : dir),
                python.isBlank() ? "python3" : python);
    }

    public static UpstreamCheckout of(StepContext context) {
        return from(context.settings());
    }

    public Path resolve(String relative) {
        return dir.resolve(relative);
    }

    /** {@code PYTHONPATH} as webui sets it up. */
    public String pythonPath() {
        return IMPORT_PATH.stream().map(p -> p.isEmpty() ? dir.toString() : dir.resolve(p).toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
