package gsvtrainer.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A task as returned by {@code GET /task/{task_id}}: status derived from its runs, pipeline progress in
 * percent (0–100), and the latest state of each step.
 */
public record TaskInfo(
        String taskId,
        String taskName,
        TaskStatus status,
        Map<String, Object> config,
        Instant createdAt,
        Instant updatedAt,
        String currentStep,
        Double progress,
        String errorMessage,
        ErrorInfo error,
        Map<String, RunStatus> steps,
        List<String> outdatedSteps,
        Boolean awaitingReview) {

    public TaskInfo {
        config = config == null ? Map.of() : config;
        steps = steps == null ? Map.of() : steps;
        outdatedSteps = outdatedSteps == null ? List.of() : outdatedSteps;
    }

    /** Pipeline progress in percent, 0 when the server sent none. */
    public double progressPercent() {
        return progress == null ? 0.0 : progress;
    }

    /** The error's text: the structured error if any, else the old-style {@code error_message}. */
    public String errorText() {
        if (error != null) {
            return error.summary();
        }
        return errorMessage;
    }
}
