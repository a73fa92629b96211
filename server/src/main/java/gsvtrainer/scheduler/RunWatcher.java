package gsvtrainer.scheduler;

import gsvtrainer.config.GsvSettings;
import gsvtrainer.files.Workspaces;
import gsvtrainer.process.LaunchedProcess;
import gsvtrainer.process.ProcessGroups;
import gsvtrainer.process.ProcessLauncher;
import gsvtrainer.steprun.RunError;
import gsvtrainer.steprun.RunLifecycle;
import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.steprun.StepRunRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Follows the processes of running runs: reads their output, kills those whose cancel was asked
 * for, and records each run's outcome once its process is gone (or has handed the run back and goes
 * on to serve another), then frees its slots.
 */
@Component
class RunWatcher {

    private static final Logger log = LoggerFactory.getLogger(RunWatcher.class);
    private static final long HEARTBEAT_INTERVAL_MS = 2000;

    private final StepRunRepository runs;
    private final RunLifecycle lifecycle;
    private final ChannelHandler channel;
    private final Workspaces workspaces;
    private final GsvSettings settings;
    private final Clock clock;
    private final RunLauncher launcher;
    private final Map<String, WatchedRun> watched = new ConcurrentHashMap<>();
    private volatile Runnable onExitCode = () -> { };
    private final ExitCodeWatch exitCodes = new ExitCodeWatch(() -> onExitCode.run());

    RunWatcher(StepRunRepository runs, RunLifecycle lifecycle, ChannelHandler channel, Workspaces workspaces,
               GsvSettings settings, Clock clock, RunLauncher launcher) {
        this.launcher = launcher;
        this.runs = runs;
        this.lifecycle = lifecycle;
        this.channel = channel;
        this.workspaces = workspaces;
        this.settings = settings;
        this.clock = clock;
    }

    /** Called back when a followed run's exit code is written (its process may go on, having handed the run back). */
    void onExitCode(Runnable callback) {
        onExitCode = callback;
    }

    void watch(StepRun run, LaunchedProcess process) {
        Path runDir = workspaces.of(run.taskId()).run(run.id());
        follow(run, process, runDir);
    }

    /** Follows a run found running after a restart: its process may live on or be gone. */
    void adopt(StepRun run) {
        Path runDir = workspaces.of(run.taskId()).run(run.id());
        long pid = run.pid() != null ? run.pid() : ProcessLauncher.pid(runDir).orElse(0L);
        long started = run.pidStartedAt() != null ? run.pidStartedAt() : startedSinceClaimed(pid, run);
        follow(run, new LaunchedProcess(pid, started, Optional.empty()), runDir);
    }

    private void follow(StepRun run, LaunchedProcess process, Path runDir) {
        exitCodes.watch(runDir);
        watched.put(run.id(), new WatchedRun(run.id(), process.pid(), process.startedAtMillis(), process.handle(), runDir,
                new LogTailer(runDir.resolve(RunLauncher.LOG_FILE), run.logOffset()), run.resources()));
    }

    /** Stops following exit codes (the executor stops); a later {@link #watch} starts again. */
    void stop() {
        exitCodes.close();
    }

    /**
     * The start time of the process now holding {@code pid} when it can be this run's (the service went
     * down before recording it): started after the run was claimed, not an older process that has the
     * pid after a reboot. 0, never alive, otherwise.
     */
    private static long startedSinceClaimed(long pid, StepRun run) {
        long claimed = run.startedAt() == null ? Long.MAX_VALUE : run.startedAt().toEpochMilli() - 5_000;
        return ProcessGroups.startTimeMillis(pid).filter(t -> t >= claimed).orElse(0L);
    }

    boolean isWatching(String runId) {
        return watched.containsKey(runId);
    }

    /** One pass over the running runs; returns the resources of runs that ended. */
    java.util.List<StepRun.RunResources> tick() {
        var freed = new java.util.ArrayList<StepRun.RunResources>();
        var running = runs.findByStatus(RunStatus.RUNNING);
        freed.addAll(forgetEnded(running));
        for (StepRun run : running) {
            WatchedRun w = watched.get(run.id());
            if (w == null) {
                continue;
            }
            try {
                follow(run, w);
                boolean handedBack = w.handedBack();
                if (run.cancelRequested() && !w.isBeingKilled() && !handedBack) {
                    log.info("cancelling run {} ({}), killing session {}", run.id(), run.step(), w.pid);
                    w.kill = w.mayKillSession()
                            ? CompletableFuture.supplyAsync(() -> ProcessGroups.killSession(w.pid, settings.cancelGrace()))
                            : CompletableFuture.completedFuture(true);
                }
                boolean ended = w.isBeingKilled() ? w.kill.isDone() : handedBack || !w.isAlive();
                if (ended && w.isBeingKilled() && !w.kill.join()) {
                    // processes outlived SIGKILL (stuck in the kernel, e.g. a GPU tearing down): the run keeps
                    // its slots and the next pass kills again, rather than handing a busy GPU to another run
                    log.warn("run {} ({}): processes of session {} are still there after SIGKILL; trying again",
                            run.id(), run.step(), w.pid);
                    w.kill = null;
                    ended = false;
                }
                if (ended) {
                    end(run, w, handedBack);
                    freed.add(run.resources());
                }
            } catch (RuntimeException | IOException e) {
                log.error("watching run {} failed: {}", run.id(), e.toString(), e);
            }
        }
        return freed;
    }

    /**
     * Runs this watcher follows that are no longer running in the database (ended elsewhere, or their
     * task deleted): whatever is left of their processes is killed and their slots are freed.
     */
    private java.util.List<StepRun.RunResources> forgetEnded(java.util.List<StepRun> running) {
        var ids = running.stream().map(StepRun::id).collect(java.util.stream.Collectors.toSet());
        var freed = new java.util.ArrayList<StepRun.RunResources>();
        for (WatchedRun w : java.util.List.copyOf(watched.values())) {
            if (!ids.contains(w.runId) && watched.remove(w.runId) != null) {
                exitCodes.forget(w.runDir);
                log.warn("run {} is no longer running in the database; stopping what is left of it", w.runId);
                if (w.mayKillSession()) {
                    CompletableFuture.runAsync(() -> ProcessGroups.killSession(w.pid, settings.cancelGrace()));
                }
                freed.add(w.resources);
            }
        }
        return freed;
    }

    private void follow(StepRun run, WatchedRun w) throws IOException {
        var lines = w.tailer.readLines();
        channel.handle(run, lines);
        long now = clock.millis();
        if (!lines.isEmpty() || now - w.lastHeartbeatMillis > HEARTBEAT_INTERVAL_MS) {
            w.lastHeartbeatMillis = now;
            runs.updateHeartbeat(run.id(), clock.instant(), w.tailer.offset());
        }
    }

    /** @param handedBack whether the run's process handed the run back, as this pass saw */
    private void end(StepRun run, WatchedRun w, boolean handedBack) throws IOException {
        boolean cancelled = w.isBeingKilled();
        handedBack &= !cancelled;
        if (!cancelled && !handedBack && w.mayKillSession()) {
            ProcessGroups.killSession(w.pid, java.time.Duration.ZERO);
        }
        follow(run, w);
        RunError reported = channel.takeError(run.id());
        Optional<Integer> exit = ProcessLauncher.exitCode(w.runDir);
        RunStatus status;
        RunError error;
        if (exit.isPresent()) {
            status = exit.get() == 0 ? RunStatus.SUCCEEDED : RunStatus.FAILED;
            error = status == RunStatus.SUCCEEDED ? null
                    : reported != null ? reported : new RunError("exit_code", "the step exited with code " + exit.get());
        } else if (cancelled) {
            status = RunStatus.CANCELLED;
            error = new RunError("cancelled", "cancelled while running");
        } else if (w.handle.isPresent()) {
            status = RunStatus.FAILED;
            error = new RunError("process_killed", "the step's process was killed (exit " + w.handle.get().exitValue() + ")");
        } else {
            status = RunStatus.INTERRUPTED;
            error = new RunError("interrupted",
                    "the step's process ended while the service was down; resume the task to run it again");
        }
        StepRun current = runs.find(run.id()).orElse(run);
        if (current.status() == RunStatus.RUNNING) {
            lifecycle.finish(current, status, exit.orElse(null), error);
        }
        watched.remove(run.id());
        exitCodes.forget(w.runDir);
        launcher.ended(run, w.pid, handedBack);
        log.info("run {} ({}) ended: {}{}", run.id(), run.step(), status.wireName(),
                error == null ? "" : " [" + error.code() + "] " + error.message());
    }
}
