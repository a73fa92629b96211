package gsvtrainer.cli;

import gsvtrainer.pipeline.StepFailure;
import gsvtrainer.scheduler.GpuDiscovery;
import gsvtrainer.upstream.Preflight;
import gsvtrainer.upstream.UpstreamCheckout;
import gsvtrainer.upstream.VersionProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Says what is installed and what is missing for training: GPUs, the upstream checkout, disk. */
@Command(name = "doctor", mixinStandardHelpOptions = true, description = "Check what training needs on this machine.")
public class DoctorCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Option(names = "--upstream-dir", description = "GPT-SoVITS checkout (default: $GSV_UPSTREAM_DIR or ~/.cache/gsv-trainer/upstream)")
    Path upstreamDir;

    @Option(names = "--upstream-python", description = "Its interpreter (default: $GSV_UPSTREAM_PYTHON)")
    String upstreamPython;

    @Option(names = "--pretrained-dir", description = "Folder of the pretrained models (default: $GSV_PRETRAINED_DIR or the checkout's GPT_SoVITS/pretrained_models)")
    Path pretrainedDir;

    @Option(names = "--model-version", description = "Model version whose pretrained files to check (default: v2ProPlus)")
    String version = VersionProfiles.DEFAULT;

    private int problems;

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("user.home"), ".cache", "gsv-trainer");
        Path upstream = upstreamDir != null ? upstreamDir
                : Path.of(System.getenv().getOrDefault("GSV_UPSTREAM_DIR", home.resolve("upstream").toString()));
        String python = upstreamPython != null ? upstreamPython
                : System.getenv().getOrDefault("GSV_UPSTREAM_PYTHON", home.resolve("venv/bin/python").toString());
        Path data = server.resolvedDataDir();
        report(true, "java " + System.getProperty("java.version"));
        long free = Files.getFileStore(data).getUsableSpace();
        report(free > 10L << 30, "data dir " + data + ": " + (free >> 30) + " GiB free" + (free > 10L << 30 ? "" : " (under 10 GiB)"));
        var gpus = GpuDiscovery.slots("auto");
        report(!gpus.isEmpty(), gpus.isEmpty() ? "no NVIDIA GPU found (nvidia-smi): GPU steps run on CPU, slowly"
                : "GPUs: " + gpus);
        report(Files.isDirectory(upstream.resolve("GPT_SoVITS")), "GPT-SoVITS checkout at " + upstream);
        report(Files.isExecutable(Path.of(python)) && runs(python, "-c", "import torch"),
                "upstream Python " + python + " imports torch");
        report(runs("ffmpeg", "-version"), "ffmpeg on PATH (upstream's load_audio needs it)");
        checkUpstream(upstream, python);
        System.out.println(problems == 0 ? "all good" : problems + " problem(s); steps 5-11 need the checkout and its environment");
        return problems == 0 ? 0 : 1;
    }

    /** What the steps' own preflight would refuse: scripts and the version's pretrained files. */
    private void checkUpstream(Path upstream, String python) {
        try {
            Path pretrained = pretrainedDir != null ? pretrainedDir
                    : System.getenv().getOrDefault("GSV_PRETRAINED_DIR", "").isBlank() ? null : Path.of(System.getenv("GSV_PRETRAINED_DIR"));
            var missing = new Preflight(new UpstreamCheckout(upstream, python, pretrained)).missing(VersionProfiles.of(version), null);
            missing.stream().filter(m -> m.startsWith("script") || m.startsWith("pretrained"))
                    .forEach(m -> report(false, m + " (" + version + ")"));
            if (missing.isEmpty()) {
                report(true, "scripts and pretrained files of " + version);
            }
        } catch (StepFailure e) {
            report(false, e.getMessage());
        }
    }

    private void report(boolean ok, String what) {
        System.out.println((ok ? "[ok]      " : "[missing] ") + what);
        if (!ok) {
            problems++;
        }
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
