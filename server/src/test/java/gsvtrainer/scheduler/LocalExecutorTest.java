package gsvtrainer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.process.ProcessGroups;
import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.upstream.StandinServerTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The executor against real run processes (the real steps driving the stand-in upstream), with two fake GPU slots. */
class LocalExecutorTest extends StandinServerTest {

    @Autowired
    LocalExecutor executor;

    @Test
    void runsAtMostTwoGpuStepsAtOnceAndStartsTheThirdWithinASecondOfASlotFreeing() {
        List<String> runIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String task = createStandinTask("gpu-" + i, Map.of("s1_train", Map.of("epoch_seconds", 1.5 + i * 0.3)));
            givenFeatures(task);
            runIds.add((String) json(post("/api/v1/task/" + task + "/step/train_gpt",
                    "{\"params\":{\"total_epoch\":1}}")).get("run_id"));
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
        String task = createStandinTask("both", Map.of("s1_train", Map.of("epoch_seconds", 2),
                "s2_train", Map.of("epoch_seconds", 2)));
        givenFeatures(task);
        String oneEpoch = "{\"params\":{\"total_epoch\":1}}";
        String gpt = (String) json(post("/api/v1/task/" + task + "/step/train_gpt", oneEpoch)).get("run_id");
        String sovits = (String) json(post("/api/v1/task/" + task + "/step/train_sovits", oneEpoch)).get("run_id");

        StepRun a = awaitStatus(gpt, RunStatus.SUCCEEDED, Duration.ofSeconds(60));
        StepRun b = awaitStatus(sovits, RunStatus.SUCCEEDED, Duration.ofSeconds(60));

        assertThat(a.startedAt()).isBefore(b.finishedAt());
        assertThat(b.startedAt()).isBefore(a.finishedAt());
        assertThat(Set.copyOf(a.resources().gpus())).doesNotContainAnyElementsOf(b.resources().gpus());
    }

    @Test
    void cancelKillsTheWholeProcessTreeAndFreesTheSlot() throws Exception {
        String task = createStandinTask("cancel", Map.of("s2_train", Map.of("epoch_seconds", 120, "workers", 2)));
        givenFeatures(task);
        String runId = (String) json(post("/api/v1/task/" + task + "/step/train_sovits", "{}")).get("run_id");
        StepRun running = awaitRun(runId, r -> r.status() == RunStatus.RUNNING && r.pid() != null, Duration.ofSeconds(30));
        long session = running.pid();
        List<Long> tree = awaitTree(session, 7);

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

    /** Waits until the run's session has at least {@code count} processes (shell, JVM, trainer, workers, loaders). */
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
