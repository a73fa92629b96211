package gsvtrainer.steprun.exec;

import gsvtrainer.files.AtomicFiles;
import gsvtrainer.process.ProcessGroups;
import gsvtrainer.process.ProcessLauncher;
import gsvtrainer.process.ThreadPriority;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A run process started before its run, in a folder of its own, by the executor and like any run
 * process (its own session, niced, under the wrapper that records its exit code). It warms up, then
 * waits for the executor to write the {@link StandbyAssignment} file naming a run's folder and log. Started
 * at the lowest CPU priority to warm up on CPU time no run wants, it also rehearses the step the
 * executor expects its run to be (so that the JIT has compiled that step's busiest code; when the
 * executor comes to expect another step, that one instead), and takes
 * {@code runNice} before its run. Taking
 * that run, it points the wrapper at the run's folder for the exit code, writes the wrapper's pid
 * there and moves its output file to the run's log, then runs the step as a freshly started process
 * would. Without reuse ({@link StandbyAssignment#REUSE_FILE}) it serves that one run and exits. With it,
 * after a run that succeeded and left no process behind in its session, it hands the run back instead:
 * the run keeps a copy of the log, gets its exit code and a {@link ProcessLauncher#HANDED_BACK_FILE},
 * and this process waits for the next run with its compiled code (at most {@link #MAX_RUNS} runs).
 * Without a run, it exits once the service that started it is gone. Its working directory stays its
 * own folder; steps use absolute paths.
 */
final class Standby {

    private static final long OWNER_CHECK_MS = 500;
    private static final String REHEARSAL_DIR = "rehearsal";
    private static final Path STDOUT = Path.of("/proc/self/fd/1");
    /** Runs one process serves at most, so that whatever a step leaks stays bounded. */
    private static final int MAX_RUNS = 50;
    /** The assignment of a run handed back, until the hand-back is done. */
    static final String TAKEN_FILE = ".assign.taken";

    private final Path dir;
    private final StepProcess process;
    private final BooleanSupplier ownerAlive;
    private final OptionalInt runNice;
    private Optional<String> expected = Optional.empty();

    /**
     * @param dir        the standby's folder: its wrapper's pid file and its log are there
     * @param ownerAlive whether the service that started this process still runs
     * @param runNice    the niceness to run the run at, where this process started at another
     */
    Standby(Path dir, StepProcess process, BooleanSupplier ownerAlive, OptionalInt runNice) {
        this.dir = dir;
        this.process = process;
        this.ownerAlive = ownerAlive;
        this.runNice = runNice;
    }

    /** Whether the service with this pid, started at that time, still runs. */
    static BooleanSupplier service(long pid, long startedAtMillis) {
        return () -> ProcessGroups.isSameAndAlive(pid, startedAtMillis);
    }

    int run() throws IOException, InterruptedException {
        Path assign = dir.resolve(StandbyAssignment.FILE_NAME);
        boolean reuse = Files.exists(dir.resolve(StandbyAssignment.REUSE_FILE));
        Path output = Files.readSymbolicLink(STDOUT);
        expected = expectedStep();
        process.warmUp(() -> Files.exists(assign), expected, dir.resolve(REHEARSAL_DIR));
        for (int served = 0; ; served++) {
            Optional<StandbyAssignment> assignment;
            try {
                assignment = awaitRun();
            } finally {
                process.stopRehearsing();
            }
            if (assignment.isEmpty()) {
                return StepProcess.EXIT_OK;
            }
            boolean prioritySet = served > 0 || runNice.isEmpty() || ThreadPriority.setAllThreads(runNice.getAsInt())
                    && (ThreadPriority.setSessionGroup(runNice.getAsInt()) || !ThreadPriority.groupsBySession());
            takeOver(assignment.get(), output);
            if (!prioritySet) {
                System.out.println("this run's process (started ahead of the run at niceness " + ThreadPriority.IDLE_NICE
                        + ") could not take niceness " + runNice.getAsInt() + "; it runs at " + ThreadPriority.IDLE_NICE);
            }
            int code = process.run(assignment.get().runDir());
            if (!reuse || code != StepProcess.EXIT_OK || served + 1 >= MAX_RUNS || !aloneInSession()) {
                return code;
            }
            if (!handBack(assignment.get(), output, code)) {
                return code;
            }
        }
    }

    /**
     * The step to rehearse while waiting: the one the executor expects, where it named one and this
     * process waits at the lowest priority (at the run's, a rehearsal would slow the runs under way).
     */
    private Optional<String> expectedStep() throws IOException {
        Path file = dir.resolve(StandbyAssignment.EXPECTED_STEP_FILE);
        if (runNice.isEmpty() || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(file).strip()).filter(s -> !s.isEmpty());
    }

    /** Rehearses the step the executor expects now, where it came to expect another. */
    private void followExpectedStep() throws IOException {
        Optional<String> now = expectedStep();
        if (now.isPresent() && !now.equals(expected)) {
            expected = now;
            process.expect(now.get());
        }
    }

    private Optional<StandbyAssignment> awaitRun() throws IOException, InterruptedException {
        Path assign = dir.resolve(StandbyAssignment.FILE_NAME);
        try (WatchService watcher = dir.getFileSystem().newWatchService()) {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            while (!Files.exists(assign)) {
                if (!ownerAlive.getAsBoolean()) {
                    return Optional.empty();
                }
                var key = watcher.poll(OWNER_CHECK_MS, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
                followExpectedStep();
            }
        } catch (ClosedWatchServiceException e) {
            return Optional.empty();
        }
        return Optional.of(StandbyAssignment.parse(Files.readString(assign)));
    }

    /** Makes the run's folder this process's: exit code, pid and output go there from now on. */
    private void takeOver(StandbyAssignment run, Path output) throws IOException {
        AtomicFiles.writeString(dir.resolve(ProcessLauncher.RUN_DIR_FILE), run.runDir() + "\n");
        Files.writeString(run.runDir().resolve(ProcessLauncher.PID_FILE), Long.toString(wrapperPid()));
        try {
            Files.move(output, run.log(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.writeString(run.log(), "this run's process (started ahead of the run) could not move its output "
                    + output + " here: " + e + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            throw e;
        }
    }

    /**
     * Ends the run without exiting: the output file (which has the run's log's name) gets its own name
     * back beside it, the assignment is set aside under {@value #TAKEN_FILE}, and the run gets the
     * hand-back mark and its exit code, which tells the executor the run is over; its log is whole by
     * then, as this process writes no more of it. What frees or flushes a file comes only after that,
     * before the process takes the next run: on a disk busy writing a step's output, deleting the
     * assignment took up to 0.46 s, and the rename that replaces the log (ext4 starts writing the new
     * file out) was as slow. So the run's log is then replaced by a copy of itself (whole at every
     * moment to whoever reads it), the output file is emptied, the set-aside assignment deleted, and
     * the wrapper's exit code goes to this folder again. False where any of it failed: the process is
     * then to exit with the run's code, which the wrapper still records in the run's folder.
     */
    private boolean handBack(StandbyAssignment run, Path output, int code) {
        System.out.flush();
        try {
            Files.createLink(output, run.log());
            setAsideAssignment();
            Files.writeString(run.runDir().resolve(ProcessLauncher.HANDED_BACK_FILE), "");
            AtomicFiles.writeString(run.runDir().resolve(ProcessLauncher.EXIT_CODE_FILE), Integer.toString(code));
        } catch (IOException e) {
            System.out.println("this run's process could not hand the run back and ends with it: " + e);
            return false;
        }
        try {
            AtomicFiles.write(run.log(), copy -> Files.copy(output, copy, StandardCopyOption.REPLACE_EXISTING));
            try (FileChannel log = FileChannel.open(output, StandardOpenOption.WRITE)) {
                log.truncate(0);
            }
            Files.deleteIfExists(dir.resolve(TAKEN_FILE));
        } catch (IOException e) {
            System.out.println("this run's process could not part its output from the run's log and ends: " + e);
            return false;
        }
        try {
            Files.deleteIfExists(dir.resolve(ProcessLauncher.RUN_DIR_FILE));
        } catch (IOException e) {
            // the next run points the wrapper elsewhere; until then an exit would record 0 again
        }
        return true;
    }

    /**
     * Moves the assignment out of the way of the next one (which the executor may write as soon as it
     * sees the exit code), without freeing anything yet.
     */
    private void setAsideAssignment() throws IOException {
        try {
            Files.move(dir.resolve(StandbyAssignment.FILE_NAME), dir.resolve(TAKEN_FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchFileException e) {
            // nothing to set aside
        }
    }

    /**
     * Whether this process and the wrapper that leads its session are all that is left of it: a
     * process a step left behind would stay in the session of the next run, so a run that leaves one
     * ends with this process's exit instead (and the executor kills the rest).
     */
    private static boolean aloneInSession() {
        long self = ProcessHandle.current().pid();
        long wrapper = wrapperPid();
        return ProcessGroups.stat(self)
                .filter(stat -> stat.session() == wrapper)
                .map(stat -> ProcessGroups.members(stat.session()).stream()
                        .allMatch(member -> member.pid() == self || member.pid() == wrapper))
                .orElse(false);
    }

    /** The wrapper that started this process and leads its session (this process, where it has no parent). */
    private static long wrapperPid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(ProcessHandle.current().pid());
    }
}
