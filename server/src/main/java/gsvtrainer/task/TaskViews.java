package gsvtrainer.task;

import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepDefinition;
import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.RunState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Derives a task's status, progress and error from its step runs; nothing of this is stored. */
@Component
public class TaskViews {

    private final Pipeline pipeline;

    public TaskViews(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    public TaskView of(Task task, List<RunState> runs) {
        Map<String, RunState> latest = new LinkedHashMap<>();
        runs.stream().sorted(Comparator.comparingInt(RunState::attempt)).forEach(r -> latest.put(r.step(), r));
        Map<String, String> steps = new LinkedHashMap<>();
        List<String> outdated = new ArrayList<>();
        for (StepDefinition definition : pipeline.all()) {
            RunState run = latest.get(definition.name());
            if (run != null) {
                steps.put(definition.name(), run.status().wireName());
                if (run.outdated()) {
                    outdated.add(definition.name());
                }
            }
        }
        Optional<RunState> running = runs.stream().filter(r -> r.status() == RunStatus.RUNNING)
                .min(Comparator.comparing(RunState::createdAt));
        Optional<RunState> queued = runs.stream().filter(r -> r.status() == RunStatus.QUEUED)
                .min(Comparator.comparing(RunState::createdAt));
        Optional<RunState> last = latest.values().stream().max(Comparator.comparing(RunState::createdAt)
                .thenComparing(RunState::attempt));
        // paused after ASR: the plan waits, and ASR (with everything else) is done
        boolean awaitingReview = task.plan() != null && "pending".equals(task.reviewState())
                && running.isEmpty() && queued.isEmpty();

        String status;
        if (running.isPresent() || queued.isPresent()) {
            status = "running";
        } else if (last.isEmpty()) {
            status = "created";
        } else {
            status = switch (last.get().status()) {
                case SUCCEEDED -> "completed";
                case CANCELLED -> "cancelled";
                default -> "failed";
            };
        }
        String currentStep = running.or(() -> queued).or(() -> last).map(RunState::step).orElse(null);
        Optional<RunState> failure = status.equals("failed") ? rootFailure(latest.values()) : Optional.empty();
        return new TaskView(task, status, currentStep, progress(task, latest), failure.map(RunState::error).orElse(null),
                failure.map(RunState::step).orElse(null), failure.map(RunState::id).orElse(null), steps, outdated,
                awaitingReview);
    }

    private double progress(Task task, Map<String, RunState> latest) {
        double done = 0;
        int count = 0;
        for (StepDefinition definition : pipeline.forVersion(task.modelVersion())) {
            RunState run = latest.get(definition.name());
            if (definition.skippable() && run == null) {
                continue;
            }
            count++;
            if (run == null) {
                continue;
            }
            if (run.status() == RunStatus.SUCCEEDED && !run.outdated()) {
                done += 1;
            } else if (run.status() == RunStatus.RUNNING) {
                done += Math.max(0, Math.min(1, run.progress()));
            }
        }
        return count == 0 ? 0 : Math.round(1000.0 * done / count) / 10.0;
    }

    /** The failed run that caused the others to fail: the earliest failure not caused by a dependency. */
    private static Optional<RunState> rootFailure(java.util.Collection<RunState> latest) {
        List<RunState> failed = latest.stream()
                .filter(r -> r.status() == RunStatus.FAILED || r.status() == RunStatus.INTERRUPTED)
                .sorted(Comparator.comparing(RunState::createdAt))
                .toList();
        return failed.stream().filter(r -> r.error() == null || !"dependency_failed".equals(r.error().code()))
                .findFirst().or(() -> failed.stream().findFirst());
    }
}
