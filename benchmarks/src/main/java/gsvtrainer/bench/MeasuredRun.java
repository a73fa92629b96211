package gsvtrainer.bench;

import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.RunResponse;
import gsvtrainer.client.RunStatus;
import gsvtrainer.client.StepRunInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step run started through the API like a user would, with what the benchmark reports: the
 * step's own work time (its log's timing line), the wall time from queued to recorded (the run
 * record), the CPU threads it was given, and its step process's peak RSS and CPU time (the JVM itself,
 * not the {@code sh} wrapper that runs it nor the children it starts).
 */
record MeasuredRun(String step, String runId, double workSeconds, double wallSeconds, int cpuThreads,
                   double peakRssMiB, double cpuSeconds, Path runDir) {

    private static final Pattern CPU_THREADS = Pattern.compile("\"cpu_?threads\"\\s*:\\s*(\\d+)",
            Pattern.CASE_INSENSITIVE);

    /** Runs {@code step} (forced) and waits for it; throws when it does not succeed. */
    static MeasuredRun of(LiveServer server, String task, String step, Map<String, Object> params) throws Exception {
        GsvTrainerClient client = server.client;
        RunResponse run = client.runStep(task, step, params, true);
        Path runDir = server.dataDir.resolve("tasks").resolve(task).resolve("runs").resolve(run.runId());
        try (ProcessProbe probe = ProcessProbe.of(runProcess(runDir))) {
            return measured(step, run, await(client, task, run.runId()), probe, runDir);
        }
    }

    private static MeasuredRun measured(String step, RunResponse run, StepRunInfo info, ProcessProbe probe, Path runDir)
            throws Exception {
        long actionMs = ((Number) BenchMain.timing(runDir.resolve("run.log")).get("action_ms")).longValue();
        double wall = (info.finishedAt().toEpochMilli() - info.createdAt().toEpochMilli()) / 1000.0;
        return new MeasuredRun(step, run.runId(), actionMs / 1000.0, wall, cpuThreads(runDir),
                probe.seen() ? probe.peakMiB() : Double.NaN, probe.cpuSeconds(), runDir);
    }

    /**
     * The JVM of a run: the child of the wrapper whose pid the run's folder records, whether it was
     * started for the run or started ahead and handed the run (a standby); -1 once the run ended or when it does not start within two minutes.
     */
    private static long runProcess(Path runDir) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(runDir.resolve("exit_code")) && System.nanoTime() < deadline) {
            Path pidFile = runDir.resolve("pid");
            if (Files.exists(pidFile)) {
                String text = Files.readString(pidFile).trim();
                if (!text.isEmpty()) {
                    var java = ProcessHandle.of(Long.parseLong(text)).stream().flatMap(ProcessHandle::children)
                            .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false)).findFirst();
                    if (java.isPresent()) {
                        return java.get().pid();
                    }
                }
            }
            Thread.sleep(5);
        }
        return -1;
    }

    private static StepRunInfo await(GsvTrainerClient client, String task, String runId) throws Exception {
        while (true) {
            StepRunInfo info = client.getRun(task, runId);
            if (info.status().isTerminal()) {
                if (info.status() != RunStatus.SUCCEEDED) {
                    throw new IllegalStateException(info.step() + " run " + runId + " ended " + info.status().wireName()
                            + ": " + info.error());
                }
                return info;
            }
            Thread.sleep(100);
        }
    }

    private static int cpuThreads(Path runDir) throws Exception {
        Matcher m = CPU_THREADS.matcher(Files.readString(runDir.resolve("spec.json")));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
