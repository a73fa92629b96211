package gsvtrainer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.process.ProcessGroups;
import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.testsupport.ServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The executor against real run processes, with two fake GPU slots. */
class LocalExecutorTest extends ServerTest {

    @Autowired
    LocalExecutor executor;

    @Test
    void runsAtMostTwoGpuStepsAtOnceAndStartsTheThirdWithinASecondOfASlotFreeing() {
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String task = createTask("gpu-" + i, Map.of("train_gpt", Map.of("seconds", 1.5 + i * 0.3)));
            givenSucceeded(task, "extract_text_features", "extract_semantic_features");
            runIds.add((String) json(post("/api/v1/task/" + task + "/step/train_gpt", "{\"params\":{}}")).get("run_id"));
        }
        List<StepRun> done = runIds.stream()
                .map(id -> awaitStatus(id, RunStatus.SUCCEEDED, Duration.ofSeconds(60))).toList();

        for (StepRun run : done) {
            long runningThen = done.stream()
                    .filter(o -> !o.startedAt().isAfter(run.startedAt()) && o.finishedAt().isAfter(run.startedAt()))
                    .count();
            assertThat(runningThen).as("runs running when %s started", run.id()).isLessThanOrEqualTo(2);
            assertThat(run.resources().gpus()).hasSize(1);
        }
        StepRun last = done.stream().max(Comparator.comparing(StepRun::startedAt)).orElseThrow();
        StepRun firstToFinish = done.stream().filter(r -> r != last).min(Comparator.comparing(StepRun::finishedAt))
                .orElseThrow();
        assertThat(Duration.between(firstToFinish.finishedAt(), last.startedAt()))
                .isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void trainsGptAndSovitsOfOneTaskAtTheSameTime() {
        String task = createTask("both", Map.of("train_gpt", Map.of("seconds", 2), "train_sovits", Map.of("seconds", 2)));
        givenSucceeded(task, "extract_text_features", "extract_audio_features", "extract_semantic_features");
        String gpt = (String) json(post("/api/v1/task/" + task + "/step/train_gpt", "{}")).get("run_id");
        String sovits = (String) json(post("/api/v1/task/" + task + "/step/train_sovits", "{}")).get("run_id");

        StepRun a = awaitStatus(gpt, RunStatus.SUCCEEDED, Duration.ofSeconds(60));
        StepRun b = awaitStatus(sovits, RunStatus.SUCCEEDED, Duration.ofSeconds(60));

        assertThat(a.startedAt()).isBefore(b.finishedAt());
        assertThat(b.startedAt()).isBefore(a.finishedAt());
        assertThat(Set.copyOf(a.resources().gpus())).doesNotContainAnyElementsOf(b.resources().gpus());
    }

    @Test
    void cancelKillsTheWholeProcessTreeAndFreesTheSlot() throws Exception {
        String task = createTask("cancel", Map.of("train_sovits", Map.of("seconds", 120, "children", 2)));
        givenSucceeded(task, "extract_text_features", "extract_audio_features", "extract_semantic_features");
        String runId = (String) json(post("/api/v1/task/" + task + "/step/train_sovits", "{}")).get("run_id");
        StepRun running = awaitRun(runId, r -> r.status() == RunStatus.RUNNING && r.pid() != null, Duration.ofSeconds(30));
        long session = running.pid();
        List<Long> tree = awaitTree(session, 6);

        long before = System.nanoTime();
        assertThat(post("/api/v1/task/" + task + "/cancel", "").statusCode()).isEqualTo(200);
        StepRun cancelled = awaitStatus(runId, RunStatus.CANCELLED, Duration.ofSeconds(10));

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));
        assertThat(ProcessGroups.members(session)).isEmpty();
        for (long pid : tree) {
            assertThat(ProcessGroups.stat(pid).filter(s -> s.state() != 'Z')).as("process %d", pid).isEmpty();
        }
        assertThat(cancelled.error().code()).isEqualTo("cancelled");
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (executor.slots().freeGpuCount() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(executor.slots().freeGpuCount()).isEqualTo(2);
        assertThat((String) json(get("/api/v1/task/" + task)).get("status")).isEqualTo("cancelled");
    }

    /** Waits until the run's session has at least {@code count} processes (shell, JVM, children, grandchildren). */
    private static List<Long> awaitTree(long session, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<ProcessGroups.ProcStat> members = ProcessGroups.members(session);
        while (members.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            members = ProcessGroups.members(session);
        }
        assertThat(members.size()).as("processes of the run").isGreaterThanOrEqualTo(count);
        return members.stream().map(ProcessGroups.ProcStat::pid).toList();
    }
}
