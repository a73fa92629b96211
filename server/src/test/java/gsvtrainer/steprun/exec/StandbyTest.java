package gsvtrainer.steprun.exec;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.audio.DenoiseAudioStep;
import gsvtrainer.config.Json;
import gsvtrainer.process.LaunchedProcess;
import gsvtrainer.process.ProcessGroups;
import gsvtrainer.process.ProcessLauncher;
import gsvtrainer.process.ThreadPriority;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run process started ahead of its run, as the executor starts it (own session, wrapper), given a
 * real run: the run's folder receives its log, pid and exit code as from a process started for it.
 */
class StandbyTest {

    @TempDir
    Path dir;

    private final List<LaunchedProcess> started = new ArrayList<>();

    @AfterEach
    void endStandbys() {
        started.forEach(p -> ProcessGroups.killSession(p.pid(), Duration.ZERO));
    }

    @Test
    void takesARunAndLeavesLogPidAndExitCodeInTheRunsFolder() throws Exception {
        Path standbyDir = dir.resolve("standby");
        Path runDir = givenRun("r_1", "denoise_audio", Map.of("skip", true), DenoiseAudioStep.class.getName());
        LaunchedProcess standby = start(standbyDir);

        assign(standbyDir, runDir);

        Process process = standby.handle().orElseThrow();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(ProcessLauncher.exitCode(runDir)).contains(0);
        assertThat(ProcessLauncher.pid(runDir)).contains(standby.pid());
        assertThat(Files.readString(runDir.resolve("run.log"))).contains("denoise_audio skipped", "\"type\":\"timing\"");
        assertThat(standbyDir.resolve("standby.log")).doesNotExist();
    }

    @Test
    void aFailingRunLeavesItsExitCodeInTheRunsFolder() throws Exception {
        Path standbyDir = dir.resolve("standby");
        Path runDir = givenRun("r_2", "denoise_audio", Map.of("no_such_param", 1), DenoiseAudioStep.class.getName());
        LaunchedProcess standby = start(standbyDir);

        assign(standbyDir, runDir);

        assertThat(standby.handle().orElseThrow().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessLauncher.exitCode(runDir)).contains(StepProcess.EXIT_FAILED);
        assertThat(Files.readString(runDir.resolve("run.log"))).contains("unknown_param");
    }

    @Test
    void withReuseItHandsASucceededRunBackAndServesTheNextWithItsOwnLog() throws Exception {
        Path standbyDir = dir.resolve("standby");
        Path first = givenRun("r_5", "denoise_audio", Map.of("skip", true), DenoiseAudioStep.class.getName());
        Path second = givenRun("r_6", "denoise_audio", Map.of("no_such_param", 1), DenoiseAudioStep.class.getName());
        LaunchedProcess standby = startReusing(standbyDir);
        Process process = standby.handle().orElseThrow();

        assign(standbyDir, first);
        awaitExitCode(first);

        assertThat(ProcessLauncher.exitCode(first)).contains(0);
        assertThat(ProcessLauncher.handedBack(first)).isTrue();
        assertThat(process.isAlive()).as("the process waits for the next run").isTrue();
        assertThat(standbyDir.resolve(StandbyAssignment.FILE_NAME)).doesNotExist();
        awaitGone(standbyDir.resolve(ProcessLauncher.RUN_DIR_FILE));
        assertThat(standbyDir.resolve(ProcessLauncher.RUN_DIR_FILE)).as("the wrapper's exit code goes here again")
                .doesNotExist();
        assertThat(Files.readString(standbyDir.resolve("standby.log"))).as("emptied for the next run").isEmpty();
        assertThat(standbyDir.resolve(Standby.TAKEN_FILE)).doesNotExist();

        assign(standbyDir, second);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("a failed run is not handed back").isEqualTo(StepProcess.EXIT_FAILED);
        assertThat(ProcessLauncher.exitCode(second)).contains(StepProcess.EXIT_FAILED);
        assertThat(ProcessLauncher.handedBack(second)).isFalse();
        assertThat(ProcessLauncher.pid(second)).contains(standby.pid()).isEqualTo(ProcessLauncher.pid(first));
        String firstLog = Files.readString(first.resolve("run.log"));
        String secondLog = Files.readString(second.resolve("run.log"));
        assertThat(firstLog).contains("denoise_audio skipped").doesNotContain("unknown_param");
        assertThat(secondLog).contains("unknown_param").doesNotContain("denoise_audio skipped");
        assertThat(ProcessLauncher.exitCode(first)).as("the second run's exit leaves the first's code alone").contains(0);
    }

    @Test
    void withReuseARunThatCannotBeHandedBackEndsWithItsProcessAndKeepsItsOutcome() throws Exception {
        Path standbyDir = dir.resolve("standby");
        Path runDir = givenRun("r_8", "denoise_audio", Map.of(), AwaitFileStep.class.getName());
        LaunchedProcess standby = startReusing(standbyDir);

        assign(standbyDir, runDir);
        awaitGone(standbyDir.resolve("standby.log"));
        Files.writeString(standbyDir.resolve("standby.log"), "in the way of the output's own name\n");
        Files.writeString(dir.resolve("task").resolve("go"), "");

        assertThat(standby.handle().orElseThrow().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(standby.handle().orElseThrow().exitValue()).isZero();
        assertThat(ProcessLauncher.exitCode(runDir)).contains(0);
        assertThat(ProcessLauncher.handedBack(runDir)).isFalse();
        assertThat(Files.readString(runDir.resolve("run.log"))).contains("saw go", "could not hand the run back");
    }

    @Test
    void withReuseARunThatLeavesAProcessBehindEndsWithItsProcess() throws Exception {
        Path standbyDir = dir.resolve("standby");
        Path runDir = givenRun("r_7", "denoise_audio", Map.of(), LeftChildStep.class.getName());
        LaunchedProcess standby = startReusing(standbyDir);

        assign(standbyDir, runDir);

        assertThat(standby.handle().orElseThrow().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessLauncher.exitCode(runDir)).contains(0);
        assertThat(ProcessLauncher.handedBack(runDir)).isFalse();
        assertThat(ProcessGroups.members(standby.pid())).as("what the step left, for the executor to kill").isNotEmpty();
        assertThat(Files.readString(runDir.resolve("run.log"))).contains("left a process behind");
    }

    @Test
    void endsWithoutARunOnceTheServiceThatStartedItIsGone() throws Exception {
        Path standbyDir = dir.resolve("standby");
        Process service = new ProcessBuilder("sleep", "1").start();
        LaunchedProcess standby = start(standbyDir, service.pid(),
                ProcessGroups.startTimeMillis(service.pid()).orElseThrow());

        service.waitFor();

        Process process = standby.handle().orElseThrow();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(StepProcess.EXIT_OK);
        assertThat(standbyDir.resolve(ProcessLauncher.RUN_DIR_FILE)).doesNotExist();
    }

    @Test
    void aStandbyStartedAtTheLowestPriorityRunsItsRunAtTheRunsNiceness() throws Exception {
        Assumptions.assumeTrue(ThreadPriority.canRaise(), "only a process with CAP_SYS_NICE may raise its priority");
        Path standbyDir = dir.resolve("standby");
        Path runDir = givenRun("r_3", "denoise_audio", Map.of(), NicenessStep.class.getName());
        LaunchedProcess standby = start(standbyDir, List.of("nice", "-n", "19"), "3");

        assign(standbyDir, runDir);

        assertThat(standby.handle().orElseThrow().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessLauncher.exitCode(runDir)).contains(0);
        String log = Files.readString(runDir.resolve("run.log"));
        assertThat(log).contains("niceness 3, worker niceness 3").doesNotContain("could not take niceness");
        if (ThreadPriority.groupsBySession()) {
            assertThat(log).containsPattern("session group /autogroup-\\d+ nice 3");
        }
    }

    @Test
    void aStandbyRehearsesTheStepTheExecutorComesToExpectWhileItWaits() throws Exception {
        Assumptions.assumeTrue(ThreadPriority.canRaise(), "only a standby at the lowest priority rehearses");
        Path standbyDir = Files.createDirectories(dir.resolve("standby"));
        Files.writeString(standbyDir.resolve(StandbyAssignment.EXPECTED_STEP_FILE), "denoise_audio");
        start(standbyDir, List.of("nice", "-n", "19"), "3");
        Path scratch = standbyDir.resolve("rehearsal");
        Thread.sleep(1500); // it reads its first expectation as it starts
        assertThat(scratch).as("denoise_audio has no rehearsal").doesNotExist();

        Path tmp = standbyDir.resolve("expect.tmp");
        Files.writeString(tmp, "slice_audio");
        Files.move(tmp, standbyDir.resolve(StandbyAssignment.EXPECTED_STEP_FILE),
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(scratch) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(scratch).as("slice_audio rehearses in its scratch folder").exists();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"warm-up", "step-exec"})
    void aProcessStartedInItsCallersSessionLeavesThatSessionsGroupAlone(String mode) throws Exception {
        Assumptions.assumeTrue(ThreadPriority.groupsBySession(), "the kernel shares the CPU by session here");
        Path autogroup = Path.of("/proc/self/autogroup");
        String before = Files.readString(autogroup);
        List<String> command = new ArrayList<>(List.of("nice", "-n", "7",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), StepExecMain.class.getName(), mode));
        if (mode.equals("step-exec")) {
            command.add(dir.resolve("no-such-run").toString());
        }

        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(autogroup)).as("the session group of this test's JVM").isEqualTo(before);
    }

    @Test
    void aRunProcessStartedUnderNiceGivesItsSessionTheSameNiceness() throws Exception {
        Assumptions.assumeTrue(ThreadPriority.groupsBySession(), "the kernel shares the CPU by session here");
        Path runDir = givenRun("r_4", "denoise_audio", Map.of(), NicenessStep.class.getName());
        List<String> command = List.of("nice", "-n", "7", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), StepExecMain.class.getName(),
                "step-exec", runDir.toString());
        LaunchedProcess run = new ProcessLauncher().launch(command, runDir, runDir.resolve("run.log"), runDir, Map.of());
        started.add(run);

        assertThat(run.handle().orElseThrow().waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(runDir.resolve("run.log")))
                .containsPattern("niceness 7, worker niceness 7, session group /autogroup-\\d+ nice 7");
    }

    @Test
    void anAssignmentNamesTheRunsFolderAndLog() {
        StandbyAssignment assignment = new StandbyAssignment(Path.of("/data/runs/r_1"), Path.of("/data/runs/r_1/run.log"));

        assertThat(StandbyAssignment.parse(assignment.format())).isEqualTo(assignment);
    }

    private Path givenRun(String runId, String step, Map<String, Object> params, String implementation) throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("task"));
        Path runDir = Files.createDirectories(workspace.resolve("runs").resolve(runId));
        RunSpec spec = new RunSpec(runId, "t_1", step, params, false, Map.of("version", "v2"), List.of(), 1,
                workspace.toString(), Map.of(), implementation);
        Files.writeString(runDir.resolve(RunSpec.FILE_NAME), Json.write(spec));
        return runDir;
    }

    /** A standby of this test's JVM, as if it were the service. */
    private LaunchedProcess start(Path standbyDir) throws Exception {
        long self = ProcessHandle.current().pid();
        return start(standbyDir, self, ProcessGroups.startTimeMillis(self).orElseThrow());
    }

    /** A standby of this test's JVM that may serve further runs ({@link StandbyAssignment#REUSE_FILE}). */
    private LaunchedProcess startReusing(Path standbyDir) throws Exception {
        Files.writeString(Files.createDirectories(standbyDir).resolve(StandbyAssignment.REUSE_FILE), "");
        return start(standbyDir);
    }

    private LaunchedProcess start(Path standbyDir, long servicePid, long serviceStarted) throws Exception {
        return start(standbyDir, servicePid, serviceStarted, List.of());
    }

    /** A standby under {@code prefix} (such as {@code nice -n 19}), to run its run at {@code runNice}. */
    private LaunchedProcess start(Path standbyDir, List<String> prefix, String runNice) throws Exception {
        long self = ProcessHandle.current().pid();
        return start(standbyDir, self, ProcessGroups.startTimeMillis(self).orElseThrow(), prefix, runNice);
    }

    private LaunchedProcess start(Path standbyDir, long servicePid, long serviceStarted, List<String> prefix,
            String... runNice) throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), StepExecMain.class.getName(),
                "standby", standbyDir.toString(), Long.toString(servicePid), Long.toString(serviceStarted)));
        command.addAll(List.of(runNice));
        LaunchedProcess process = new ProcessLauncher().launch(command, standbyDir, standbyDir.resolve("standby.log"),
                standbyDir, Map.of());
        started.add(process);
        return process;
    }

    private static void awaitExitCode(Path runDir) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (ProcessLauncher.exitCode(runDir).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static void awaitGone(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    private static void assign(Path standbyDir, Path runDir) throws Exception {
        Path tmp = standbyDir.resolve("assign.tmp");
        Files.writeString(tmp, new StandbyAssignment(runDir, runDir.resolve("run.log")).format());
        Files.move(tmp, standbyDir.resolve(StandbyAssignment.FILE_NAME), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
