package gsvtrainer.steprun;

import gsvtrainer.config.Ids;
import gsvtrainer.events.EventLog;
import gsvtrainer.steprun.StepRunRepository.Changes;
import gsvtrainer.task.TaskRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The one place where step runs are created and change state. Each change is saved first, then
 * announced as a {@code status} event.
 */
@Service
public class RunLifecycle {

    private final StepRunRepository runs;
    private final TaskRepository tasks;
    private final EventLog events;
    private final Clock clock;

    public RunLifecycle(StepRunRepository runs, TaskRepository tasks, EventLog events, Clock clock) {
        this.runs = runs;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Queues a new attempt of a step. Throws {@link org.springframework.dao.DuplicateKeyException}
     * when the step already has a queued or running run.
     */
    public StepRun queue(String taskId, String step, Map<String, Object> params, boolean force) {
        var now = clock.instant();
        String id = Ids.newId("r");
        int attempt = runs.nextAttempt(taskId, step);
        runs.insert(new StepRun(id, taskId, step, attempt, params, force, RunStatus.QUEUED, 0, Map.of(), now, null,
                null, null, null, StepRun.RunResources.NONE, null, null, null, null, 0, false, false, 0));
        tasks.touch(taskId, now);
        events.status(taskId, id, statusData(step, attempt, RunStatus.QUEUED, null));
        return runs.find(id).orElseThrow();
    }

    /** Claims a queued run for an executor, recording the slots it holds; its process starts next. */
    public boolean start(StepRun run, StepRun.RunResources resources, String logPath) {
        Map<String, Object> res = Map.of("gpus", resources.gpus(), "cpu_slots", resources.cpuSlots());
        boolean moved = runs.transition(run, RunStatus.RUNNING, Changes.started(clock.instant(), res, logPath));
        if (moved) {
            announce(run, RunStatus.RUNNING, null);
        }
        return moved;
    }

    /** Moves a run to a terminal status with its exit code and error. */
    public boolean finish(StepRun run, RunStatus to, Integer exitCode, RunError error) {
        Double progress = to == RunStatus.SUCCEEDED ? 1.0 : null;
        boolean moved = runs.transition(run, to, Changes.finished(clock.instant(), exitCode, error, progress));
        if (moved) {
            announce(run, to, error);
        }
        return moved;
    }

    /**
     * Cancels a run: a queued one at once, a running one by asking its executor to kill it.
     * Returns true when anything changed.
     */
    public boolean cancel(StepRun run) {
        StepRun current = run;
        for (int tries = 0; tries < 5 && current.status().isActive(); tries++) {
            if (current.status() == RunStatus.QUEUED) {
                if (finish(current, RunStatus.CANCELLED, null, new RunError("cancelled", "cancelled before it started"))) {
                    return true;
                }
            } else {
                return runs.requestCancel(current.id()) == 1;
            }
            Optional<StepRun> reread = runs.find(run.id());
            if (reread.isEmpty()) {
                return false;
            }
            current = reread.get();
        }
        return false;
    }

    public void markOutdated(String taskId, List<String> steps) {
        if (!steps.isEmpty()) {
            runs.setOutdated(taskId, steps, true);
        }
    }

    private void announce(StepRun run, RunStatus to, RunError error) {
        tasks.touch(run.taskId(), clock.instant());
        events.status(run.taskId(), run.id(), statusData(run.step(), run.attempt(), to, error));
    }

    private static Map<String, Object> statusData(String step, int attempt, RunStatus status, RunError error) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("step", step);
        data.put("attempt", attempt);
        data.put("status", status.wireName());
        if (error != null) {
            data.put("error", Map.of("code", error.code(), "message", error.message()));
        }
        return data;
    }
}
