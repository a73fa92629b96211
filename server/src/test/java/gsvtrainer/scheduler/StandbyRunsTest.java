package gsvtrainer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.process.ProcessGroups;
import gsvtrainer.process.ProcessLauncher;
import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.steprun.exec.StandbyAssignment;
import gsvtrainer.upstream.StandinServerTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs taken by a run process started ahead of them (a standby): followed, logged, recorded and
 * cancelled exactly like runs whose process was started for them.
 */
class StandbyRunsTest extends StandinServerTest {

    @Test
    void aRunTakenByTheStandbyIsRecordedWithItsLogPidAndExitCode() throws Exception {
        String task = createStandinTask("standby", Map.of("s1_train", Map.of("epoch_seconds", 0.2)));
        givenFeatures(task);
        awaitStatus(runStep(task, "train_gpt", Map.of("total_epoch", 1)), RunStatus.SUCCEEDED, Duration.ofSeconds(60));
        Set<Long> waiting = awaitWaitingStandbys();

        String runId = runStep(task, "train_gpt", Map.of("total_epoch", 1));
        StepRun run = awaitStatus(runId, RunStatus.SUCCEEDED, Duration.ofSeconds(60));

        assertThat(waiting).contains(run.pid());
        assertThat(run.exitCode()).isZero();
        Path runDir = workspace(task).resolve("runs").resolve(runId);
        assertThat(ProcessLauncher.exitCode(runDir)).contains(0);
        assertThat(ProcessLauncher.pid(runDir)).contains(run.pid());
        assertThat(Files.readString(runDir.resolve(RunLauncher.LOG_FILE))).contains("starting train_gpt");
        assertThat(events(task, "log")).anyMatch(e -> runId.equals(e.get("run_id"))
                && String.valueOf(e.get("data")).contains("starting train_gpt"));
    }

    @Test
    void aRunProcessHandsASucceededRunBackAndServesTheNextOneWithItsOwnLog() throws Exception {
        String task = createStandinTask("reuse", Map.of("s1_train", Map.of("epoch_seconds", 0.2)));
        givenFeatures(task);
        awaitStatus(runStep(task, "train_gpt", Map.of("total_epoch", 1)), RunStatus.SUCCEEDED, Duration.ofSeconds(60));
        awaitWaitingStandbys();

        String firstId = runStep(task, "train_gpt", Map.of("total_epoch", 1));
        StepRun first = awaitStatus(firstId, RunStatus.SUCCEEDED, Duration.ofSeconds(60));
        String secondId = runStep(task, "train_gpt", Map.of("total_epoch", 1));
        StepRun second = awaitStatus(secondId, RunStatus.SUCCEEDED, Duration.ofSeconds(60));

        assertThat(second.pid()).as("the same run process").isEqualTo(first.pid());
        for (StepRun run : List.of(first, second)) {
            Path runDir = workspace(task).resolve("runs").resolve(run.id());
            assertThat(ProcessLauncher.handedBack(runDir)).isTrue();
            assertThat(run.exitCode()).isZero();
            String log = Files.readString(runDir.resolve(RunLauncher.LOG_FILE));
            assertThat(log.split("starting train_gpt", -1)).as("one run's start in " + run.id() + "'s log").hasSize(2);
            assertThat(events(task, "log")).anyMatch(e -> run.id().equals(e.get("run_id"))
                    && String.valueOf(e.get("data")).contains("starting train_gpt"));
        }
        assertThat(ProcessHandle.of(second.pid()).map(ProcessHandle::isAlive)).as("it waits for the next run")
                .contains(true);
    }

    @Test
    void cancellingARunTakenByTheStandbyKillsItsWholeSession() throws Exception {
        String warm = createStandinTask("warm", Map.of("s1_train", Map.of("epoch_seconds", 0.2)));
        givenFeatures(warm);
        awaitStatus(runStep(warm, "train_gpt", Map.of("total_epoch", 1)), RunStatus.SUCCEEDED, Duration.ofSeconds(60));
        Set<Long> waiting = awaitWaitingStandbys();
        String task = createStandinTask("cancel", Map.of("s2_train", Map.of("epoch_seconds", 120, "workers", 2)));
        givenFeatures(task);

        String runId = runStep(task, "train_sovits", Map.of());
        StepRun running = awaitRun(runId, r -> r.status() == RunStatus.RUNNING && r.pid() != null
                && ProcessGroups.members(r.pid()).size() >= 4, Duration.ofSeconds(30));
        assertThat(waiting).contains(running.pid());
        assertThat(post("/api/v1/task/" + task + "/cancel", "").statusCode()).isEqualTo(200);

        StepRun cancelled = awaitStatus(runId, RunStatus.CANCELLED, Duration.ofSeconds(10));
        assertThat(cancelled.error().code()).isEqualTo("cancelled");
        assertThat(ProcessGroups.members(running.pid())).isEmpty();
    }

    @Test
    void creatingATaskReadiesAStandbyForItsFirstStep() throws Exception {
        createStandinTask("fresh", Map.of());

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!standbyExpects("convert_audio") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(standbyExpects("convert_audio")).as("a waiting standby expects convert_audio").isTrue();
    }

    private static boolean standbyExpects(String step) throws IOException {
        Path root = DATA_DIR.resolve("standby");
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> !Files.exists(d.resolve(StandbyAssignment.FILE_NAME))).toList()) {
                Path expected = dir.resolve(StandbyAssignment.EXPECTED_STEP_FILE);
                if (Files.isRegularFile(expected) && Files.readString(expected).equals(step)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The wrapper pids of standbys waiting for a run (of any server test context: they share the data dir). */
    private static Set<Long> awaitWaitingStandbys() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Set<Long> waiting = waitingStandbys();
        while (waiting.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            waiting = waitingStandbys();
        }
        assertThat(waiting).as("standby run processes waiting").isNotEmpty();
        return waiting;
    }

    private static Set<Long> waitingStandbys() {
        Path root = DATA_DIR.resolve("standby");
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> !Files.exists(d.resolve(StandbyAssignment.FILE_NAME)))
                    .flatMap(d -> ProcessLauncher.pid(d).stream())
                    .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
