package gsvtrainer.task;

import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepDefinition;
import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.StepRun;
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

    public TaskView of(Task task, List<StepRun> runs) {
        Map<String, StepRun> latest = new LinkedHashMap<>();
        runs.stream().sorted(Comparator.comparingInt(StepRun::attempt)).forEach(r -> latest.put(r.step(), r));
        Map<String, String> steps = new LinkedHashMap<>();
        List<String> outdated = new ArrayList<>();
        for (StepDefinition definition : pipeline.all()) {
            StepRun run = latest.get(definition.name());
            if (run != null) {
                steps.put(definition.name(), run.status().wireName());
                if (run.outdated()) {
                    outdated.add(definition.name());
                }
            }
        }
        Optional<StepRun> running = runs.stream().filter(r -> r.status() == RunStatus.RUNNING)
                .min(Comparator.comparing(StepRun::createdAt));
        Optional<StepRun> queued = runs.stream().filter(r -> r.status() == RunStatus.QUEUED)
                .min(Comparator.comparing(StepRun::createdAt));
        Optional<StepRun> last = latest.values().stream().max(Comparator.comparing(StepRun::createdAt)
                .thenComparing(StepRun::attempt));
        boolean awaitingReview = task.plan() != null && "pending".equals(task.reviewState());

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
        String currentStep = running.or(() -> queued).or(() -> last).map(StepRun::step).orElse(null);
        Optional<StepRun> failure = status.equals("failed") ? rootFailure(latest.values()) : Optional.empty();
        return new TaskView(task, status, currentStep, progress(task, latest), failure.map(StepRun::error).orElse(null),
                failure.map(StepRun::step).orElse(null), failure.map(StepRun::id).orElse(null), steps, outdated,
                awaitingReview);
    }

    private double progress(Task task, Map<String, StepRun> latest) {
        double done = 0;
        int count = 0;
        for (StepDefinition definition : pipeline.forVersion(task.modelVersion())) {
            StepRun run = latest.get(definition.name());
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
    private static Optional<StepRun> rootFailure(java.util.Collection<StepRun> latest) {
        List<StepRun> failed = latest.stream()
                .filter(r -> r.status() == RunStatus.FAILED || r.status() == RunStatus.INTERRUPTED)
                .sorted(Comparator.comparing(StepRun::createdAt))
                .toList();
        return failed.stream().filter(r -> r.error() == null || !"dependency_failed".equals(r.error().code()))
                .findFirst().or(() -> failed.stream().findFirst());
    }
}
