package gsvtrainer.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    private static final String STREAM = "/api/v1/task/t_1/events/stream";

    private final StubServer server = new StubServer();
    private final CountDownLatch releaseStreams = new CountDownLatch(1);
    private final AtomicReference<String> taskStatus = new AtomicReference<>("running");
    private final AtomicInteger lastEventOnServer = new AtomicInteger();
    private final List<EventInfo> received = new CopyOnWriteArrayList<>();

    EventStreamTest() throws IOException {
        server.on("/api/v1/task/t_1/events", (exchange, recorded) -> {
            long after = Long.parseLong(recorded.query().replaceAll(".*after=(\\d+).*", "$1"));
            String events = after < lastEventOnServer.get() ? event(lastEventOnServer.get(), "status") : "";
            StubServer.respond(exchange, 200, "application/json", "{\"events\": [" + events + "]}");
        });
        server.on("/api/v1/task/t_1", (exchange, recorded) -> StubServer.respond(exchange, 200, "application/json",
                "{\"task_id\": \"t_1\", \"status\": \"" + taskStatus.get() + "\"}"));
    }

    @AfterEach
    void stop() {
        releaseStreams.countDown();
        server.close();
    }

    @Test
    void reconnectsWithLastEventIdAndStopsWhenTheTaskIsDone() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        server.on(STREAM, (exchange, recorded) -> {
            OutputStream out = openStream(exchange);
            if (connections.incrementAndGet() == 1) {
                send(out, "retry: 20\r\n: keep-alive\r\n\r\n");
                send(out, "id: 1\r\nevent: progress\r\ndata: {\"id\": 1, \"task_id\": \"t_1\",\r\ndata:  \"type\": \"progress\","
                        + " \"data\": {\"progress\": 0.5}}\r\n\r\n");
                send(out, "id: 2\nevent: log\ndata: " + event(2, "log") + "\n\n");
                return;
            }
            send(out, "id: 2\nevent: log\ndata: " + event(2, "log") + "\n\n");
            lastEventOnServer.set(3);
            taskStatus.set("completed");
            send(out, "id: 3\nevent: status\ndata: " + event(3, "status") + "\n\n");
            holdOpen();
        });

        EventSubscription subscription = server.client().streamEvents("t_1", 0, received::add);

        assertThat(subscription.await(Duration.ofSeconds(10))).as("subscription ended").isTrue();
        assertThat(subscription.failure()).isEmpty();
        assertThat(received).extracting(EventInfo::id).containsExactly(1L, 2L, 3L);
        assertThat(received.get(0).data()).containsEntry("progress", 0.5);
        assertThat(subscription.lastEventId()).isEqualTo(3);
        List<StubServer.Recorded> streams = server.requestsTo(STREAM);
        assertThat(streams).hasSize(2);
        assertThat(streams.get(0).header("Last-Event-ID")).isNull();
        assertThat(streams.get(0).header("Accept")).isEqualTo("text/event-stream");
        assertThat(streams.get(1).header("Last-Event-ID")).isEqualTo("2");
        assertThat(streams.get(1).query()).isEqualTo("after=2");
    }

    @Test
    void closeEndsASubscriptionWaitingForEvents() throws Exception {
        CountDownLatch firstEvent = new CountDownLatch(1);
        CountDownLatch serverStillHolding = new CountDownLatch(1);
        server.on(STREAM, (exchange, recorded) -> {
            OutputStream out = openStream(exchange);
            send(out, "id: 5\nevent: log\ndata: " + event(5, "log") + "\n\n");
            holdOpen();
            serverStillHolding.countDown();
        });

        EventSubscription subscription = server.client().streamEvents("t_1", 4, e -> {
            received.add(e);
            firstEvent.countDown();
        });
        assertThat(firstEvent.await(5, TimeUnit.SECONDS)).isTrue();
        subscription.close();
        assertThat(serverStillHolding.getCount()).as("close() returned while the server sent nothing more").isEqualTo(1);

        assertThat(subscription.await(Duration.ofSeconds(5))).as("subscription ended after close").isTrue();
        assertThat(subscription.failure()).isEmpty();
        assertThat(received).extracting(EventInfo::id).containsExactly(5L);
    }

    @Test
    void aDeletedTaskEndsTheSubscriptionWithItsError() throws Exception {
        server.json("/api/v1/task/t_2", 404, "{\"detail\": \"task t_2 not found\", \"code\": \"task_not_found\"}");

        EventSubscription subscription = server.client().streamEvents("t_2", 0, received::add);

        assertThat(subscription.await(Duration.ofSeconds(5))).isTrue();
        assertThat(subscription.failure()).get().isInstanceOfSatisfying(GsvTrainerException.class,
                e -> assertThat(e.code()).isEqualTo("task_not_found"));
    }

    @Test
    void aFailingConsumerEndsTheSubscription() throws Exception {
        server.on(STREAM, (exchange, recorded) -> {
            OutputStream out = openStream(exchange);
            send(out, "data: " + event(1, "log") + "\n\n");
            holdOpen();
        });

        EventSubscription subscription = server.client().streamEvents("t_1", 0, e -> {
            throw new IllegalStateException("consumer broke");
        });

        assertThat(subscription.await(Duration.ofSeconds(5))).isTrue();
        assertThat(subscription.failure()).get().extracting(Throwable::getMessage).isEqualTo("consumer broke");
    }

    private static String event(long id, String type) {
        return "{\"id\": " + id + ", \"task_id\": \"t_1\", \"type\": \"" + type + "\", \"data\": {}}";
    }

    private static OutputStream openStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void holdOpen() {
        try {
            releaseStreams.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
