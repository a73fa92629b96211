package gsvtrainer.client;

import java.time.Instant;
import java.util.Map;

/** One attempt of one step ({@code GET /task/{task_id}/runs}); progress is a fraction 0–1. */
public record StepRunInfo(
        String runId,
        String taskId,
        String step,
        Integer attempt,
        RunStatus status,
        Double progress,
        Map<String, Object> detail,
        Map<String, Object> params,
        Boolean force,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Integer exitCode,
        ErrorInfo error,
        Map<String, Object> resources,
        Boolean outdated,
        Boolean cancelRequested) {

    public StepRunInfo {
        detail = detail == null ? Map.of() : detail;
        params = params == null ? Map.of() : params;
        resources = resources == null ? Map.of() : resources;
    }

    /** Progress as a fraction 0–1, 0 when the server sent none. */
    public double progressFraction() {
        return progress == null ? 0.0 : progress;
    }
}
