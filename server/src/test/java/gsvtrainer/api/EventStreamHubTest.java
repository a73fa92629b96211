package gsvtrainer.api;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.events.EventRepository;
import gsvtrainer.events.EventType;
import gsvtrainer.task.Task;
import gsvtrainer.task.TaskRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Event delivery to several subscribers of a task, on a real database, when one of them stops reading. */
class EventStreamHubTest {

    @TempDir
    Path dir;

    private EventRepository events;
    private EventStreamHub hub;
    private String task;

    /** Records the ids it is sent; with a gate, every write blocks until the gate opens, as on a full socket. */
    private static final class ClientEmitter extends SseEmitter {
        private static final Pattern ID = Pattern.compile("^id:(\\d+)", Pattern.MULTILINE);
        final List<Long> ids = new CopyOnWriteArrayList<>();
        final CountDownLatch gate;

        ClientEmitter(CountDownLatch gate) {
            super(0L);
            this.gate = gate;
        }

        @Override
        public void send(SseEventBuilder builder) throws IOException {
            try {
                gate.await();
            } catch (InterruptedException e) {
                throw new IOException("interrupted", e);
            }
            for (var part : builder.build()) {
                Matcher id = ID.matcher(String.valueOf(part.getData()));
                if (id.find()) {
                    ids.add(Long.parseLong(id.group(1)));
                }
            }
        }
    }

    @BeforeEach
    void startHubOnADatabase() {
        SQLiteDataSource source = new SQLiteDataSource(new SQLiteConfig());
        source.setUrl("jdbc:sqlite:" + dir.resolve("hub.db") + "?journal_mode=WAL&busy_timeout=30000");
        Flyway.configure().dataSource(source).locations("classpath:db/migration/sqlite").load().migrate();
        JdbcClient jdbc = JdbcClient.create(source);
        TaskRepository tasks = new TaskRepository(jdbc);
        events = new EventRepository(jdbc);
        Instant now = Instant.now();
        task = "t_hubtest0000001";
        tasks.insert(new Task(task, "hub", "k_owner", Map.of("exp_name", "spk"), null, "none", now, now, 0));
        hub = new EventStreamHub(events, tasks);
        hub.start();
    }

    @AfterEach
    void stopHub() {
        hub.stop();
    }

    @Test
    void aSubscriberThatStopsReadingHoldsUpOnlyItself() throws Exception {
        CountDownLatch stalled = new CountDownLatch(1);
        ClientEmitter stuck = new ClientEmitter(stalled);
        ClientEmitter reading = new ClientEmitter(new CountDownLatch(0));
        hub.subscribe(task, 0, stuck);
        hub.subscribe(task, 0, reading);

        for (int i = 0; i < 3; i++) {
            append("event " + i);
        }

        List<Long> all = events.after(task, 0, 100).stream().map(e -> e.id()).toList();
        assertThat(all).hasSize(3);
        awaitIds(reading, all);
        assertThat(stuck.ids).as("its first write is still blocked").isEmpty();

        append("while one is stuck");
        List<Long> more = events.after(task, 0, 100).stream().map(e -> e.id()).toList();
        awaitIds(reading, more);

        stalled.countDown();
        awaitIds(stuck, more);
    }

    private void append(String message) {
        events.append(task, null, Instant.now(), "info", EventType.LOG, Map.of("message", message));
        hub.eventsAppended(task);
    }

    private static void awaitIds(ClientEmitter emitter, List<Long> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!emitter.ids.equals(expected) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        assertThat(emitter.ids).as("ids received, in order, once each").isEqualTo(expected);
    }
}
