package gsvtrainer.api;

import gsvtrainer.steprun.StepRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A step run as the API shows it. */
public record StepRunInfo(
        String runId,
        String taskId,
        String step,
        int attempt,
        String status,
        double progress,
        Map<String, Object> detail,
        Map<String, Object> params,
        boolean force,
        String createdAt,
        String startedAt,
        String finishedAt,
        Integer exitCode,
        Map<String, Object> error,
        Map<String, Object> resources,
        boolean outdated,
        boolean cancelRequested) {

    static StepRunInfo of(StepRun run) {
        Map<String, Object> error = run.error() == null ? null
                : Map.of("code", run.error().code(), "message", String.valueOf(run.error().message()));
        List<String> gpus = run.resources().gpus();
        return new StepRunInfo(run.id(), run.taskId(), run.step(), run.attempt(), run.status().wireName(),
                run.progress(), run.detail(), run.params(), run.force(), text(run.createdAt()), text(run.startedAt()),
                text(run.finishedAt()), run.exitCode(), error,
                Map.of("gpus", gpus, "cpu_slots", run.resources().cpuSlots()), run.outdated(), run.cancelRequested());
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
