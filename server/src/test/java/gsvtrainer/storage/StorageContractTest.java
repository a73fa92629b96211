package gsvtrainer.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gsvtrainer.events.EventRepository;
import gsvtrainer.events.EventType;
import gsvtrainer.files.Artifact;
import gsvtrainer.files.ArtifactRepository;
import gsvtrainer.scheduler.SchedulerLease;
import gsvtrainer.steprun.RunError;
import gsvtrainer.steprun.RunState;
import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.RunTransitions;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.steprun.StepRunRepository;
import gsvtrainer.steprun.StepRunRepository.Changes;
import gsvtrainer.task.Task;
import gsvtrainer.task.TaskRepository;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The storage contract, run against each database the service supports: migrations apply, rows
 * round-trip, transitions use optimistic locking, the one-active-run rule holds, events keep order.
 */
abstract class StorageContractTest {

    JdbcClient jdbc;
    TaskRepository tasks;
    StepRunRepository runs;
    EventRepository events;
    ArtifactRepository artifacts;

    abstract DataSource dataSource();

    abstract String vendor();

    @BeforeEach
    void migrate() {
        DataSource ds = dataSource();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/" + vendor()).cleanDisabled(false).load()
                .migrate();
        jdbc = JdbcClient.create(ds);
        tasks = new TaskRepository(jdbc);
        runs = new StepRunRepository(jdbc);
        events = new EventRepository(jdbc, ds);
        artifacts = new ArtifactRepository(jdbc);
    }

    @Test
    void tasksRoundTrip() {
        Task task = aTask();
        Task found = tasks.find(task.id()).orElseThrow();
        assertThat(found.name()).isEqualTo("contract");
        assertThat(found.config()).containsEntry("exp_name", "spk").containsEntry("batch_size", 4);
        assertThat(tasks.findByOwner("k_owner")).extracting(Task::id).contains(task.id());
        assertThat(tasks.findByOwner(null)).extracting(Task::id).doesNotContain(task.id());
    }

    @Test
    void runTransitionsAreCheckedAndOptimisticallyLocked() {
        Task task = aTask();
        StepRun queued = aQueuedRun(task, "convert_audio");
        assertThat(runs.transition(queued, RunStatus.RUNNING, Changes.none())).isTrue();
        assertThat(runs.transition(queued, RunStatus.RUNNING, Changes.none()))
                .as("a stale version loses the race").isFalse();
        StepRun running = runs.find(queued.id()).orElseThrow();
        assertThat(running.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(runs.transition(running, RunStatus.FAILED,
                Changes.finished(Instant.now(), 3, new RunError("boom", "it broke"), null))).isTrue();
        StepRun failed = runs.find(queued.id()).orElseThrow();
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.error()).isEqualTo(new RunError("boom", "it broke"));
        assertThatThrownBy(() -> runs.transition(failed, RunStatus.RUNNING, Changes.none()))
                .isInstanceOf(RunTransitions.IllegalStateTransitionException.class);
    }

    @Test
    void runStatesAreTheRunsAsATasksStatusReadsThem() {
        Task task = aTask();
        StepRun queued = aQueuedRun(task, "convert_audio");
        runs.transition(queued, RunStatus.RUNNING, Changes.none());
        StepRun running = runs.find(queued.id()).orElseThrow();
        runs.transition(running, RunStatus.FAILED, Changes.finished(Instant.now(), 1, new RunError("boom", "it broke"), null));
        aQueuedRun(task, "convert_audio");

        List<RunState> states = runs.findStatesByTask(task.id());

        assertThat(states).extracting(RunState::id).containsExactlyElementsOf(
                runs.findByTask(task.id()).stream().map(StepRun::id).toList());
        RunState failed = states.get(0);
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.attempt()).isEqualTo(1);
        assertThat(failed.error()).isEqualTo(new RunError("boom", "it broke"));
        assertThat(states.get(1).status()).isEqualTo(RunStatus.QUEUED);
        assertThat(states.get(1).attempt()).isEqualTo(2);
    }

    @Test
    void readsAreNotHeldUpByAnOpenWriteTransaction() throws Exception {
        Task task = aTask();
        aQueuedRun(task, "convert_audio");
        try (Connection writer = dataSource().getConnection()) {
            writer.setAutoCommit(false);
            try (Statement update = writer.createStatement()) {
                update.executeUpdate("UPDATE step_run SET progress = 0.5 WHERE task_id = '" + task.id() + "'");
            }

            assertThat(tasks.find(task.id())).isPresent();
            assertThat(runs.findStatesByTask(task.id())).singleElement()
                    .satisfies(r -> assertThat(r.progress()).as("the uncommitted write is not seen").isZero());
            writer.rollback();
        }
    }

    @Test
    void aStepHasAtMostOneActiveRun() {
        Task task = aTask();
        aQueuedRun(task, "slice_audio");
        assertThatThrownBy(() -> aQueuedRun(task, "slice_audio"))
                .satisfies(e -> assertThat(UniqueViolations.of(e)).isTrue());
    }

    @Test
    void aReaderFollowingByCursorMissesNoEventOfConcurrentWriters() throws Exception {
        Task task = aTask();
        int writers = 4;
        int each = 40;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            for (int w = 0; w < writers; w++) {
                int writer = w;
                pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        events.append(task.id(), null, Instant.now(), "info", EventType.LOG, Map.of("w", writer, "i", i));
                    }
                    return null;
                });
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            long cursor = 0;
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while (seen.size() < writers * each && System.nanoTime() < deadline) {
                for (var event : events.after(task.id(), cursor, 7)) {
                    assertThat(event.id()).isGreaterThan(cursor);
                    cursor = event.id();
                    assertThat(seen.add(event.data().get("w") + "/" + event.data().get("i"))).isTrue();
                }
            }
            assertThat(seen).as("every event, read as it came, by cursor").hasSize(writers * each);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eventsKeepTheirOrderAndCursor() {
        Task task = aTask();
        for (int i = 0; i < 5; i++) {
            events.append(task.id(), null, Instant.now(), "info", EventType.LOG, Map.of("i", i));
        }
        var all = events.after(task.id(), 0, 100);
        assertThat(all).extracting(e -> e.data().get("i")).containsExactly(0, 1, 2, 3, 4);
        assertThat(events.after(task.id(), all.get(2).id(), 100)).hasSize(2);
    }

    @Test
    void artifactsAreReplacedByPath() {
        Task task = aTask();
        artifacts.upsert(new Artifact("a_1" + task.id(), task.id(), null, "upload", "x.wav", "uploads/x.wav", 10, "ab",
                Map.of("original_filename", "mine.wav"), Instant.now()));
        artifacts.upsert(new Artifact("a_2" + task.id(), task.id(), null, "upload", "x.wav", "uploads/x.wav", 20, "cd",
                Map.of(), Instant.now()));
        assertThat(artifacts.findByTask(task.id())).singleElement().satisfies(a -> assertThat(a.size()).isEqualTo(20));
        assertThat(artifacts.totalSize(task.id(), "upload")).isEqualTo(20);
    }

    @Test
    void deletingATaskRemovesItsRunsEventsAndArtifacts() {
        Task task = aTask();
        aQueuedRun(task, "convert_audio");
        events.append(task.id(), null, Instant.now(), "info", EventType.STATUS, Map.of());
        tasks.delete(task.id());
        assertThat(runs.findByTask(task.id())).isEmpty();
        assertThat(events.after(task.id(), 0, 10)).isEmpty();
    }

    @Test
    void onlyOneSchedulerHoldsTheLease() {
        jdbc.sql("UPDATE scheduler_lease SET holder = NULL, expires_at = 0").update();
        SchedulerLease first = new SchedulerLease(jdbc, Clock.systemUTC());
        assertThat(first.tryHold(Duration.ofSeconds(30))).isTrue();
        jdbc.sql("UPDATE scheduler_lease SET holder = 'elsewhere:1:1'").update();
        assertThat(first.tryHold(Duration.ofSeconds(30))).as("another host holds an unexpired lease").isFalse();
        jdbc.sql("UPDATE scheduler_lease SET expires_at = 0").update();
        assertThat(first.tryHold(Duration.ofSeconds(30))).as("an expired lease is taken over").isTrue();
    }

    Task aTask() {
        Instant now = Instant.now();
        Task task = new Task("t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14), "contract",
                "k_owner", Map.of("exp_name", "spk", "batch_size", 4), null, "none", now, now, 0);
        tasks.insert(task);
        return task;
    }

    StepRun aQueuedRun(Task task, String step) {
        String id = "r_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        runs.insert(new StepRun(id, task.id(), step, runs.nextAttempt(task.id(), step), Map.of("k", List.of(1, 2)), false,
                RunStatus.QUEUED, 0, Map.of(), Instant.now(), null, null, null, null, StepRun.RunResources.NONE, null,
                null, null, null, 0, false, false, 0));
        return runs.find(id).orElseThrow();
    }
}
