package gsvtrainer.scheduler;

import gsvtrainer.config.Ids;
import gsvtrainer.files.AtomicFiles;
import gsvtrainer.process.LaunchedProcess;
import gsvtrainer.process.ProcessGroups;
import gsvtrainer.process.ProcessLauncher;
import gsvtrainer.process.ThreadPriority;
import gsvtrainer.steprun.exec.StandbyAssignment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Keeps one run process started ahead of its run (a standby), so that a run begins without waiting
 * for a JVM to start. A standby is started exactly like a run process (its own session, niced, under
 * the wrapper that records its pid and exit code) in a folder of its own; taking it for a run writes
 * the run's folder into its {@link StandbyAssignment}, and from then on it is that run's process,
 * followed, cancelled and recovered like any other. Without reuse, it serves that one run and exits.
 * With reuse, a run process that {@linkplain ProcessLauncher#HANDED_BACK_FILE hands its run back}
 * comes back here and waits again, its JIT's work kept; while one is busy with a run, no other is
 * started ahead (on a machine of few cores, one warming up beside a step slows it), so a run starting
 * beside it starts cold. The first run after start-up starts cold and leaves a standby behind for the next.
 */
final class StandbyPool {

    private static final Logger log = LoggerFactory.getLogger(StandbyPool.class);
    private static final String LOG_FILE = "standby.log";
    private static final Duration FRESH = Duration.ofMinutes(1);

    private final Path root;
    private final JavaCommand java;
    private final ProcessLauncher launcher;
    private final boolean enabled;
    private final boolean reuse;
    private Waiting waiting;
    /** Run processes serving a run, by pid, that may hand it back and wait again. */
    private final Map<Long, Waiting> busy = new HashMap<>();

    /**
     * A standby waiting for a run (or, while in {@link #busy}, serving one), as this service started it,
     * told to expect a run of {@code step}, having served {@code served} runs before.
     */
    private record Waiting(Path dir, LaunchedProcess process, String step, int served) {
        boolean isAlive() {
            return process.handle().map(Process::isAlive).orElse(false);
        }
    }

    /** @param reuse whether run processes may serve further runs after one that succeeded */
    StandbyPool(Path root, JavaCommand java, ProcessLauncher launcher, boolean enabled, boolean reuse) {
        this.root = root;
        this.java = java;
        this.launcher = launcher;
        this.enabled = enabled;
        this.reuse = enabled && reuse;
    }

    /**
     * Gives the waiting standby the run in {@code runDir} (its spec written) with output to {@code log};
     * empty when no standby can take it, and the run is to be started cold.
     */
    synchronized Optional<LaunchedProcess> take(Path runDir, Path log) {
        Waiting standby = waiting;
        waiting = null;
        if (standby == null) {
            return Optional.empty();
        }
        if (!standby.isAlive() || !sameDevice(standby.dir(), runDir)) {
            discard(standby);
            return Optional.empty();
        }
        try {
            AtomicFiles.writeString(standby.dir().resolve(StandbyAssignment.FILE_NAME),
                    new StandbyAssignment(runDir, log).format());
        } catch (IOException e) {
            StandbyPool.log.warn("cannot hand run folder {} to standby {}: {}", runDir, standby.dir(), e.toString());
            discard(standby);
            return Optional.empty();
        }
        raise(standby);
        if (standby.served() == 0) {
            standby.process().handle().ifPresent(p -> p.onExit().thenRun(() -> delete(standby.dir())));
        }
        if (reuse) {
            busy.put(standby.process().pid(), standby);
        }
        return Optional.of(standby.process());
    }

    /**
     * Takes back the run process {@code pid}, whose run ended and was handed back: it waits for the
     * next run instead of a standby started since (which has compiled less).
     */
    synchronized void handedBack(long pid) {
        Waiting worker = busy.remove(pid);
        if (worker == null || !worker.isAlive()) {
            return;
        }
        if (waiting != null) {
            discard(waiting);
        }
        waiting = new Waiting(worker.dir(), worker.process(), worker.step(), worker.served() + 1);
    }

    /** Forgets the run process {@code pid}, whose run ended with it. */
    synchronized void ended(long pid) {
        busy.remove(pid);
    }

    /**
     * Gives a standby waiting at the lowest priority its run's, from here: it does so itself once it
     * sees its run, but while it still starts or warms up, other work at a higher priority could keep
     * it (and the run) from the CPU for as long as that work lasts.
     */
    private void raise(Waiting standby) {
        java.standbyRunNice().ifPresent(nice -> {
            if (!ThreadPriority.setSession(standby.process().pid(), nice)) {
                log.warn("could not give standby {} niceness {}; it sets that itself once it has the CPU",
                        standby.dir(), nice);
            }
        });
    }

    /**
     * Starts a standby unless one is waiting, telling it the step its run will likely be: it may
     * rehearse that step while it waits.
     */
    synchronized void refill(String expectedStep) {
        busy.values().removeIf(worker -> !worker.isAlive());
        if (!enabled || waiting != null && waiting.isAlive() || !busy.isEmpty()) {
            return;
        }
        if (waiting != null) {
            discard(waiting);
            waiting = null;
        }
        Path dir = root.resolve(Ids.newId("s"));
        try {
            Files.createDirectories(dir);
            writeExpected(dir, expectedStep);
            if (reuse) {
                Files.writeString(dir.resolve(StandbyAssignment.REUSE_FILE), "");
            }
            LaunchedProcess process = launcher.launch(java.standby(dir), dir, dir.resolve(LOG_FILE), dir, Map.of());
            waiting = new Waiting(dir, process, expectedStep, 0);
        } catch (IOException e) {
            log.warn("cannot start a standby run process: {}", e.toString());
        }
    }

    /**
     * Tells the waiting standby that its run will likely be of {@code step} (it rehearses that step
     * instead), or starts one expecting it where none waits.
     */
    synchronized void expect(String step) {
        if (!enabled) {
            return;
        }
        if (waiting == null || !waiting.isAlive()) {
            refill(step);
        } else if (!step.equals(waiting.step())) {
            try {
                writeExpected(waiting.dir(), step);
                waiting = new Waiting(waiting.dir(), waiting.process(), step, waiting.served());
            } catch (IOException e) {
                log.warn("cannot tell standby {} to expect {}: {}", waiting.dir(), step, e.toString());
            }
        }
    }

    private static void writeExpected(Path dir, String step) throws IOException {
        AtomicFiles.writeString(dir.resolve(StandbyAssignment.EXPECTED_STEP_FILE), step);
    }

    /** Ends the waiting standby, if any, before returning. */
    synchronized void stop() {
        if (waiting != null) {
            ProcessGroups.killSession(waiting.process().pid(), Duration.ZERO);
            delete(waiting.dir());
            waiting = null;
        }
    }

    /**
     * Removes the folders of standbys whose process is gone (left by an earlier life of the service),
     * but for those made in the last minute. A live one is left alone: it either runs a run, waits for another live service, or is about to
     * exit because the service that started it is gone.
     */
    void sweep() {
        if (!Files.isDirectory(root)) {
            return;
        }
        Path current;
        synchronized (this) {
            current = waiting == null ? null : waiting.dir();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> !d.equals(current) && !isRecent(d)).toList()) {
                if (ProcessLauncher.pid(dir).filter(pid -> isStandbyIn(pid, dir)).isEmpty()) {
                    delete(dir);
                }
            }
        } catch (IOException e) {
            log.warn("cannot clear {}: {}", root, e.toString());
        }
    }

    /** A folder just made may not have its pid file yet. */
    private static boolean isRecent(Path dir) {
        try {
            return Files.getLastModifiedTime(dir).toInstant().isAfter(Instant.now().minus(FRESH));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isStandbyIn(long pid, Path dir) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).flatMap(h -> h.info().commandLine())
                .map(c -> c.contains(dir.toString())).orElse(false);
    }

    private static boolean sameDevice(Path a, Path b) {
        try {
            return Objects.equals(Files.getAttribute(a, "unix:dev"), Files.getAttribute(b, "unix:dev"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void discard(Waiting standby) {
        CompletableFuture.runAsync(() -> {
            ProcessGroups.killSession(standby.process().pid(), Duration.ZERO);
            delete(standby.dir());
        });
    }

    private static void delete(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            log.debug("cannot remove {}: {}", dir, e.toString());
        }
    }
}
