package gsvtrainer.scheduler;

import gsvtrainer.pipeline.Pipeline;
import gsvtrainer.pipeline.Resources;
import gsvtrainer.pipeline.StepDefinition;
import gsvtrainer.pipeline.StepRegistry;
import gsvtrainer.process.LaunchedProcess;
import gsvtrainer.process.ProcessGroups;
import gsvtrainer.steprun.RunError;
import gsvtrainer.steprun.RunLifecycle;
import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.steprun.StepRun.RunResources;
import gsvtrainer.steprun.StepRunRepository;
import gsvtrainer.task.Task;
import gsvtrainer.task.TaskRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts queued runs, oldest first, whose dependencies are met and whose resources are free: claims
 * the run (queued to running, with its slots), then starts its process.
 */
final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final StepRunRepository runs;
    private final TaskRepository tasks;
    private final RunLifecycle lifecycle;
    private final Pipeline pipeline;
    private final StepRegistry registry;
    private final SlotPool slots;
    private final RunLauncher launcher;
    private final RunWatcher watcher;
    private final Readiness readiness;
    private final Runnable onExit;

    /** @param onExit called when a started run's process exits, so that its outcome is recorded at once */
    Dispatcher(StepRunRepository runs, TaskRepository tasks, RunLifecycle lifecycle, Pipeline pipeline,
               StepRegistry registry, SlotPool slots, RunLauncher launcher, RunWatcher watcher, Runnable onExit) {
        this.runs = runs;
        this.tasks = tasks;
        this.lifecycle = lifecycle;
        this.pipeline = pipeline;
        this.registry = registry;
        this.slots = slots;
        this.launcher = launcher;
        this.watcher = watcher;
        this.readiness = new Readiness(pipeline);
        this.onExit = onExit;
    }

    void tick() {
        Map<String, List<StepRun>> runsByTask = new HashMap<>();
        for (StepRun run : runs.findByStatus(RunStatus.QUEUED)) {
            Optional<Task> task = tasks.find(run.taskId());
            if (task.isEmpty()) {
                continue;
            }
            List<StepRun> taskRuns = runsByTask.computeIfAbsent(run.taskId(), runs::findByTask);
            Readiness.Verdict verdict = readiness.of(task.get(), run, taskRuns);
            if (verdict instanceof Readiness.Blocked blocked) {
                lifecycle.finish(run, RunStatus.FAILED, null, blocked.error());
                runsByTask.remove(run.taskId());
            } else if (verdict instanceof Readiness.Ready && tryStart(task.get(), run)) {
                runsByTask.remove(run.taskId());
            }
        }
    }

    private boolean tryStart(Task task, StepRun run) {
        StepDefinition definition = pipeline.find(run.step()).orElseThrow();
        if (!registry.isAvailable(run.step())) {
            return lifecycle.finish(run, RunStatus.FAILED, null, new RunError("step_unavailable",
                    "step " + run.step() + " has no implementation in this build"));
        }
        Optional<RunResources> resources = slots.allocate(definition.resources(), shards(task, run, definition.resources()));
        if (resources.isEmpty()) {
            return false;
        }
        if (!lifecycle.start(run, resources.get(), RunLauncher.logPath(run))) {
            slots.release(resources.get());
            return false;
        }
        StepRun claimed = run;
        LaunchedProcess process = null;
        try {
            claimed = runs.find(run.id()).orElseThrow();
            process = launcher.launch(task, claimed, resources.get(), cpuThreads());
            runs.recordProcess(run.id(), process.pid(), process.startedAtMillis());
            watcher.watch(claimed, process);
            process.handle().ifPresent(p -> p.onExit().thenRun(onExit));
            log.info("started run {} ({} of task {}) as pid {} with {}", run.id(), run.step(), task.id(), process.pid(),
                    resources.get());
        } catch (Exception e) {
            log.error("cannot start run {}: {}", run.id(), e.toString());
            if (process != null) {
                // started but not followed: it must not go on holding a GPU no one accounts for
                ProcessGroups.killSession(process.pid(), java.time.Duration.ZERO);
            }
            try {
                lifecycle.finish(claimed, RunStatus.FAILED, null, new RunError("launch_failed", e.getMessage()));
            } finally {
                slots.release(resources.get());
            }
        }
        return true;
    }

    private int cpuThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, slots.cpuSlots()));
    }

    /**
     * GPUs wanted by a shardable or multi-GPU step: one per entry of its gpu_id string ("0-1" = 2); a
     * shardable step falls back to the task's gpu_id, a multi-GPU one (a training) to one GPU.
     */
    static int shards(Task task, StepRun run, Resources needs) {
        Object gpuId = run.params().get("gpu_id");
        if (gpuId == null && needs.shardable()) {
            gpuId = task.config().get("gpu_id");
        }
        return gpuId == null ? 1 : String.valueOf(gpuId).split("-").length;
    }
}
