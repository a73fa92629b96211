package gsvtrainer.task;

import gsvtrainer.steprun.RunError;
import java.util.List;
import java.util.Map;

/**
 * A task with everything derived from its runs: the v1 status ({@code created}, {@code running},
 * {@code completed}, {@code failed}, {@code cancelled}), current step, pipeline percentage, the error
 * that stopped it, each step's latest status and which steps are outdated.
 */
public record TaskView(
        Task task,
        String status,
        String currentStep,
        double progress,
        RunError error,
        String errorStep,
        String errorRunId,
        Map<String, String> steps,
        List<String> outdatedSteps,
        boolean awaitingReview) {
}
