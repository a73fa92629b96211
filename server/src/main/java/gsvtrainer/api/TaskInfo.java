package gsvtrainer.api;

import gsvtrainer.task.TaskView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A task as the v1 API shows it (the old service's fields first, ours after). */
public record TaskInfo(
        String taskId,
        String taskName,
        String status,
        Map<String, Object> config,
        String createdAt,
        String updatedAt,
        String currentStep,
        double progress,
        String errorMessage,
        Map<String, Object> error,
        Map<String, String> steps,
        List<String> outdatedSteps,
        boolean awaitingReview) {

    static TaskInfo of(TaskView view) {
        var task = view.task();
        Map<String, Object> error = null;
        String message = null;
        if (view.error() != null) {
            error = new LinkedHashMap<>();
            error.put("code", view.error().code());
            error.put("message", view.error().message());
            error.put("step", view.errorStep());
            error.put("run_id", view.errorRunId());
            message = view.errorStep() + ": " + view.error().message();
        }
        return new TaskInfo(task.id(), task.name(), view.status(), task.config(), task.createdAt().toString(),
                task.updatedAt().toString(), view.currentStep(), view.progress(), message, error, view.steps(),
                view.outdatedSteps(), view.awaitingReview());
    }
}
