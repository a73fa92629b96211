package gsvtrainer.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Upstream GPT-SoVITS's {@code tools/slice_audio.py} run exactly as its webui runs it
 * ({@code "<python>" -s tools/slice_audio.py <inp> <opt_root> -34 4000 300 10 500 0.9 0.25 0 1}, cwd = the
 * checkout, upstream's folders on the path as webui's {@code users.pth} puts them), timed by wall clock.
 * The checkout and interpreter come from GSV_UPSTREAM_DIR / GSV_UPSTREAM_PYTHON, as for the service.
 */
record UpstreamSlice(Path checkout, Path python) {

    /** What one run took; the peak RSS is the Python process's (ffmpeg decodes in a child). */
    record Result(double wallSeconds, double peakRssMiB, Path clips) {
    }

    /** The upstream environment, or why it cannot be used. */
    static Optional<UpstreamSlice> find(StringBuilder why) {
        String home = System.getProperty("user.home");
        Path checkout = Path.of(env("GSV_UPSTREAM_DIR", home + "/.cache/gsv-trainer/upstream"));
        Path python = Path.of(env("GSV_UPSTREAM_PYTHON", home + "/.cache/gsv-trainer/venv/bin/python"));
        if (!Files.isRegularFile(checkout.resolve("tools/slice_audio.py"))) {
            why.append("no GPT-SoVITS checkout with tools/slice_audio.py at ").append(checkout);
        } else if (!Files.isExecutable(python)) {
            why.append("no upstream Python interpreter at ").append(python);
        }
        return why.isEmpty() ? Optional.of(new UpstreamSlice(checkout, python)) : Optional.empty();
    }

    /** Slices {@code input} into {@code out} at CPU niceness {@code nice}; throws when the script fails. */
    Result slice(Path input, Path out, int nice) throws Exception {
        Files.createDirectories(out);
        ProcessBuilder builder = new ProcessBuilder("nice", "-n", Integer.toString(nice), python.toString(), "-s",
                "tools/slice_audio.py",
                input.toAbsolutePath().toString(), out.toAbsolutePath().toString(),
                "-34", "4000", "300", "10", "500", "0.9", "0.25", "0", "1")
                .directory(checkout.toFile()).redirectErrorStream(true)
                .redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile());
        builder.environment().put("PYTHONPATH", List.of("", "/GPT_SoVITS", "/GPT_SoVITS/BigVGAN", "/tools",
                "/tools/asr", "/tools/uvr5").stream().map(s -> checkout + s).collect(Collectors.joining(File.pathSeparator)));
        long start = System.nanoTime();
        Process process = builder.start();
        double peak;
        try (ProcessProbe probe = ProcessProbe.of(process.pid())) {
            int exit = process.waitFor();
            peak = probe.peakMiB();
            if (exit != 0) {
                throw new IllegalStateException("upstream slice_audio.py exited with " + exit);
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        String log = Files.readString(out.resolveSibling(out.getFileName() + ".log"));
        if (log.contains("->fail->")) {
            throw new IllegalStateException("upstream slice_audio.py failed: " + log);
        }
        return new Result(wall, peak, out);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
