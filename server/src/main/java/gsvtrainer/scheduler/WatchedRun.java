package gsvtrainer.scheduler;

import gsvtrainer.process.ProcessGroups;
import gsvtrainer.process.ProcessLauncher;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** A running run's process as the watcher follows it. */
final class WatchedRun {

    final String runId;
    final long pid;
    final long startedAtMillis;
    final Optional<Process> handle;
    final Path runDir;
    final LogTailer tailer;
    final gsvtrainer.steprun.StepRun.RunResources resources;
    CompletableFuture<Boolean> kill;
    long lastHeartbeatMillis;

    WatchedRun(String runId, long pid, long startedAtMillis, Optional<Process> handle, Path runDir, LogTailer tailer,
               gsvtrainer.steprun.StepRun.RunResources resources) {
        this.resources = resources;
        this.runId = runId;
        this.pid = pid;
        this.startedAtMillis = startedAtMillis;
        this.handle = handle;
        this.runDir = runDir;
        this.tailer = tailer;
    }

    boolean isAlive() {
        if (handle.isPresent()) {
            return handle.get().isAlive();
        }
        return pid > 0 && ProcessGroups.isSameAndAlive(pid, startedAtMillis);
    }

    /**
     * Whether signalling the session {@link #pid} leads can only reach this run's processes: false when
     * that pid now belongs to another process (started at another time), which Linux allows only once
     * no process of the run's session is left, so there is nothing of ours to kill there.
     */
    boolean mayKillSession() {
        if (pid <= 0) {
            return false;
        }
        if (handle.isPresent()) {
            return true;
        }
        return ProcessGroups.startTimeMillis(pid).map(started -> Math.abs(started - startedAtMillis) < 1000)
                .orElse(true);
    }

    /** Whether the run's process ended the run and went on to serve another ({@link ProcessLauncher#HANDED_BACK_FILE}). */
    boolean handedBack() {
        return ProcessLauncher.handedBack(runDir);
    }

    boolean isBeingKilled() {
        return kill != null;
    }
}
