package gsvtrainer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.process.LaunchedProcess;
import gsvtrainer.process.ProcessGroups;
import gsvtrainer.process.ProcessGroups.ProcStat;
import gsvtrainer.process.ProcessLauncher;
import gsvtrainer.process.ThreadPriority;
import gsvtrainer.steprun.exec.StandbyAssignment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandbyPoolTest {

    private static final int RUN_NICE = 4;

    @TempDir
    Path dir;

    private StandbyPool pool;
    private long session;

    @AfterEach
    void endStandby() throws Exception {
        if (session > 0) {
            signal("CONT", session);
            ProcessGroups.killSession(session, Duration.ZERO);
        }
        if (pool != null) {
            pool.stop();
        }
    }

    @Test
    void aRunHandedToAStandbyThatGetsNoCpuRaisesItsWholeSessionAtOnce() throws Exception {
        Assumptions.assumeTrue(ThreadPriority.canRaise(), "only a process with CAP_SYS_NICE may raise a priority");
        RunClassPath classPath = RunClassPath.of(System.getProperty("java.class.path"), dir.resolve("app"));
        JavaCommand java = new JavaCommand(RUN_NICE, true, "-XX:+UseSerialGC", classPath, StepArchive.of(classPath, ""));
        pool = new StandbyPool(dir.resolve("standby"), java, new ProcessLauncher(), true, true);
        pool.refill("denoise_audio");
        session = awaitStandbyJvm();
        assertThat(niceness(jvm(session))).containsOnly(ThreadPriority.IDLE_NICE);
        signal("STOP", session); // as if starved: it cannot raise its priority itself

        Path runDir = Files.createDirectories(dir.resolve("runs/r_1"));
        Optional<LaunchedProcess> taken = pool.take(runDir, runDir.resolve("run.log"));

        assertThat(taken).map(LaunchedProcess::pid).contains(session);
        assertThat(niceness(jvm(session))).containsOnly(RUN_NICE);
        if (ThreadPriority.groupsBySession()) {
            assertThat(Files.readString(Path.of("/proc", Long.toString(session), "autogroup")))
                    .contains("nice " + RUN_NICE);
        }
    }

    @Test
    void expectingAStepTellsTheWaitingStandbyOrStartsOneExpectingIt() throws Exception {
        RunClassPath classPath = RunClassPath.of(System.getProperty("java.class.path"), dir.resolve("app"));
        JavaCommand java = new JavaCommand(RUN_NICE, false, "-XX:+UseSerialGC", classPath, StepArchive.of(classPath, ""));
        pool = new StandbyPool(dir.resolve("standby"), java, new ProcessLauncher(), true, true);

        pool.expect("convert_audio");
        Path standby = onlyStandby();
        assertThat(Files.readString(standby.resolve(StandbyAssignment.EXPECTED_STEP_FILE))).isEqualTo("convert_audio");

        pool.refill("denoise_audio");
        pool.expect("slice_audio");

        assertThat(onlyStandby()).as("the same standby, told").isEqualTo(standby);
        assertThat(Files.readString(standby.resolve(StandbyAssignment.EXPECTED_STEP_FILE))).isEqualTo("slice_audio");
    }

    private Path onlyStandby() throws IOException {
        try (Stream<Path> dirs = Files.list(dir.resolve("standby"))) {
            List<Path> all = dirs.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    /** The session of the waiting standby once its JVM has started threads of its own. */
    private long awaitStandbyJvm() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> dirs = Files.list(dir.resolve("standby"))) {
                Optional<Long> pid = dirs.flatMap(d -> ProcessLauncher.pid(d).stream()).findFirst();
                if (pid.isPresent() && ProcessGroups.members(pid.get()).size() > 1
                        && threads(jvm(pid.get())).size() > 8) {
                    return pid.get();
                }
            } catch (IOException e) {
                // the folder is being made
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no standby JVM started");
    }

    /** The session's JVM: its member that is not the wrapper, which started it. */
    private static long jvm(long sessionId) {
        return ProcessGroups.members(sessionId).stream().filter(m -> m.pid() != sessionId).mapToLong(ProcStat::pid)
                .findFirst().orElse(sessionId);
    }

    private static List<Path> threads(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.toList();
        }
    }

    private static List<Integer> niceness(long pid) throws IOException {
        List<Integer> values = new ArrayList<>();
        for (Path thread : threads(pid)) {
            String stat = Files.readString(thread.resolve("stat"));
            values.add(Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
        }
        return values;
    }

    private static void signal(String signal, long sessionId) throws Exception {
        new ProcessBuilder("kill", "-" + signal, "--", "-" + sessionId).start().waitFor();
    }
}
