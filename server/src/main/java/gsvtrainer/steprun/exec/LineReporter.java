package gsvtrainer.steprun.exec;

import gsvtrainer.pipeline.RunReporter;
import gsvtrainer.steprun.channel.RunChannel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reports by writing channel lines to the run's standard output (its log file). */
final class LineReporter implements RunReporter {

    private final PrintStream out;
    private final Path workspace;

    LineReporter(PrintStream out, Path workspace) {
        this.out = out;
        this.workspace = workspace;
    }

    @Override
    public void progress(double fraction, Map<String, Object> detail) {
        emit("progress", Map.of("fraction", Math.max(0, Math.min(1, fraction)), "detail", detail));
    }

    @Override
    public void metric(String name, double value, Map<String, Object> detail) {
        emit("metric", Map.of("name", name, "value", value, "detail", detail));
    }

    @Override
    public void artifact(String kind, Path path, Map<String, Object> metadata) {
        Path relative = workspace.relativize(path.toAbsolutePath().normalize());
        emit("artifact", Map.of("kind", kind, "path", relative.toString().replace('\\', '/'), "metadata", metadata));
    }

    @Override
    public void log(String level, String message) {
        emit("log", Map.of("level", level, "message", message));
    }

    void error(String code, String message) {
        emit("error", Map.of("code", code, "message", message == null ? "" : message));
    }

    /**
     * How long the step's own work took, when this process began working on the run and since when
     * the process lives (earlier for a process started ahead of its run), for overhead figures.
     */
    void timing(long runBeganAt, long actionMillis) {
        long processStart = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
        emit("timing", Map.of("action_ms", actionMillis, "process_started_at", processStart,
                "run_began_at", runBeganAt, "action_finished_at", System.currentTimeMillis()));
    }

    void heartbeat() {
        emit("heartbeat", Map.of());
    }

    private void emit(String type, Map<String, Object> body) {
        String line = RunChannel.encode(type, new LinkedHashMap<>(body));
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
