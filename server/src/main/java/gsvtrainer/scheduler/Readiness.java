package gsvtrainer.scheduler;

import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.StepDefinition;
import gsvtrainer.steprun.RunError;
import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.task.Task;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decides whether a queued run may start: every dependency's latest run succeeded, and no ordering
 * dependency (e.g. a denoise before ASR) is still queued or running. "Should this run start?" lives
 * here alone.
 */
final class Readiness {

    sealed interface Verdict permits Ready, Wait, Blocked {
    }

    record Ready() implements Verdict {
    }

    record Wait() implements Verdict {
    }

    record Blocked(RunError error) implements Verdict {
    }

    private final Pipeline pipeline;

    Readiness(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    Verdict of(Task task, StepRun run, Collection<StepRun> taskRuns) {
        Map<String, StepRun> latest = latestByStep(taskRuns);
        StepDefinition definition = pipeline.find(run.step()).orElseThrow();
        for (String dependency : pipeline.dependencies(run.step(), task.modelVersion())) {
            StepRun dep = latest.get(dependency);
            if (dep == null) {
                return new Blocked(new RunError("dependency_not_met", dependency + " has not run"));
            }
            if (dep.status().isActive()) {
                return new Wait();
            }
            if (dep.status() != RunStatus.SUCCEEDED) {
                return new Blocked(new RunError("dependency_failed",
                        dependency + " " + dep.status().wireName() + (dep.error() == null ? "" : ": " + dep.error().message())));
            }
        }
        for (String ordering : definition.after()) {
            StepRun before = latest.get(ordering);
            if (before != null && before.status().isActive()) {
                return new Wait();
            }
        }
        return new Ready();
    }

    static Map<String, StepRun> latestByStep(Collection<StepRun> runs) {
        return runs.stream().collect(Collectors.groupingBy(StepRun::step,
                        Collectors.maxBy(Comparator.comparingInt(StepRun::attempt))))
                .entrySet().stream()
                .filter(e -> e.getValue().isPresent())
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }
}
