package gsvtrainer.task;

import gsvtrainer.auth.Caller;
import gsvtrainer.config.Ids;
import gsvtrainer.errors.ServiceException;
import gsvtrainer.events.EventLog;
import gsvtrainer.files.WorkspaceLocks;
import gsvtrainer.files.Workspaces;
import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.scheduler.ExecutorSignal;
import gsvtrainer.steprun.RunLifecycle;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.steprun.StepRunRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** Creates, finds, cancels and deletes tasks, on behalf of a caller who sees only their own. */
@Service
public class TaskService {

    private static final Logger log = LoggerFactory.getLogger(TaskService.class);

    private static final Duration DELETE_WAIT = Duration.ofSeconds(30);

    private final TaskRepository tasks;
    private final StepRunRepository runs;
    private final RunLifecycle lifecycle;
    private final TaskViews views;
    private final Workspaces workspaces;
    private final EventLog events;
    private final Clock clock;
    private final WorkspaceLocks locks;
    private final Pipeline pipeline;
    private final ExecutorSignal executor;

    public TaskService(TaskRepository tasks, StepRunRepository runs, RunLifecycle lifecycle, TaskViews views,
                       Workspaces workspaces, EventLog events, Clock clock, WorkspaceLocks locks, Pipeline pipeline,
                       ObjectProvider<ExecutorSignal> executor) {
        this.tasks = tasks;
        this.runs = runs;
        this.lifecycle = lifecycle;
        this.views = views;
        this.workspaces = workspaces;
        this.events = events;
        this.clock = clock;
        this.locks = locks;
        this.pipeline = pipeline;
        this.executor = executor.getIfAvailable(() -> ExecutorSignal.NONE);
    }

    public TaskView create(Caller caller, String name, Map<String, Object> config) {
        Map<String, Object> full;
        try {
            full = TaskConfig.withDefaults(config);
        } catch (IllegalArgumentException e) {
            throw ServiceException.unprocessable("invalid_config", e.getMessage());
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ServiceException.unprocessable("invalid_task_name", "task_name must be 1-200 characters");
        }
        var now = clock.instant();
        Task task = new Task(Ids.newId("t"), name.strip(), caller.keyId(), full, null, "none", now, now, 0);
        tasks.insert(task);
        try {
            java.nio.file.Files.createDirectories(workspaces.of(task.id()).root());
        } catch (IOException e) {
            tasks.delete(task.id());
            throw new UncheckedIOException(e);
        }
        events.status(task.id(), null, Map.of("task", "created"));
        executor.expect(pipeline.first());
        return view(task);
    }

    /** The task if the caller may see it; else not found (another key's task does not exist for them). */
    public Task require(Caller caller, String taskId) {
        return tasks.find(taskId).filter(t -> caller.maySee(t.ownerKey()))
                .orElseThrow(() -> ServiceException.notFound("task_not_found", "task " + taskId + " not found"));
    }

    public TaskView get(Caller caller, String taskId) {
        return view(require(caller, taskId));
    }

    public List<TaskView> list(Caller caller) {
        List<Task> visible = caller.admin() ? tasks.findAll() : tasks.findByOwner(caller.keyId());
        return visible.stream().map(this::view).toList();
    }

    public TaskView view(Task task) {
        return views.of(task, runs.findStatesByTask(task.id()));
    }

    /** Cancels every queued or running run of the task and drops a pipeline waiting for review. */
    public int cancel(Caller caller, String taskId) {
        Task task = require(caller, taskId);
        int count = 0;
        for (StepRun run : runs.findByTask(task.id())) {
            if (run.status().isActive() && lifecycle.cancel(run)) {
                count++;
            }
        }
        if (task.plan() != null) {
            tasks.updatePlan(task, null, "none", clock.instant());
        }
        return count;
    }

    /** Cancels what runs, waits until nothing of the task runs any more, then removes it all. */
    public void delete(Caller caller, String taskId) {
        Task task = require(caller, taskId);
        cancel(caller, taskId);
        long deadline = System.nanoTime() + DELETE_WAIT.toNanos();
        while (runs.findByTask(task.id()).stream().anyMatch(r -> r.status().isActive())) {
            if (System.nanoTime() > deadline) {
                throw ServiceException.conflict("task_still_running",
                        "the task's runs did not stop in time; try again");
            }
            sleep(100);
        }
        // an upload commits under the same lock, so it either lands before this or finds the task gone
        try {
            Optional<Path> detached;
            synchronized (locks.of(task.id())) {
                tasks.delete(task.id());
                detached = workspaces.detach(task.id());
            }
            if (detached.isPresent()) {
                workspaces.purge(detached.get());
            }
        } catch (IOException e) {
            // the task is gone for every caller; files moved away go at the next start
            log.warn("task {} deleted, but not all of its files yet: {}", task.id(), e.toString());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
