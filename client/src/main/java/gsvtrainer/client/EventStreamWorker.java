package gsvtrainer.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The loop behind an {@link EventSubscription}: reads the task's SSE stream line by line, hands each event
 * to the consumer once (ids at or below the last delivered one are skipped), reconnects with
 * {@code Last-Event-ID} when the connection drops, and stops when the task is terminal and no newer event
 * is left.
 */
final class EventStreamWorker implements Runnable {

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration IDLE_CHECK = Duration.ofSeconds(30);

    private final GsvTrainerClient client;
    private final HttpTransport transport;
    private final String taskId;
    private final Consumer<EventInfo> consumer;
    private final EventSubscription subscription;
    private final Duration reconnectDelay;
    private long serverRetryMillis = -1;
    private long lastTerminalCheck = System.nanoTime();

    EventStreamWorker(GsvTrainerClient client, HttpTransport transport, String taskId,
                      Consumer<EventInfo> consumer, EventSubscription subscription, Duration reconnectDelay) {
        this.client = client;
        this.transport = transport;
        this.taskId = taskId;
        this.consumer = consumer;
        this.subscription = subscription;
        this.reconnectDelay = reconnectDelay;
    }

    @Override
    public void run() {
        RuntimeException error = null;
        try {
            int failures = 0;
            boolean done = finishedAndCaughtUp();
            while (!done && !subscription.isClosed()) {
                try {
                    done = readStream();
                    failures = 0;
                } catch (GsvTrainerException e) {
                    if (subscription.isClosed() || !isRetriable(e)) {
                        throw e;
                    }
                    failures++;
                }
                if (!done && !subscription.isClosed()) {
                    Thread.sleep(delay(failures).toMillis());
                    done = finishedAndCaughtUp();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            error = subscription.isClosed() ? null : e;
        } finally {
            subscription.finish(error);
        }
    }

    /** Reads one connection until it ends; true when the subscription is complete. */
    private boolean readStream() {
        HttpResponse<InputStream> response = transport.open(request());
        InputStream body = response.body();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            // close() shuts the raw body: closing the reader would wait for the lock its blocked readLine holds
            subscription.streamOpened(body);
            SseParser parser = new SseParser();
            String line;
            while (!subscription.isClosed() && (line = reader.readLine()) != null) {
                Optional<SseParser.Message> message = parser.accept(line);
                serverRetryMillis = parser.retryMillis();
                boolean statusEvent = message.map(this::toEvent).map(this::deliver).orElse(false);
                if ((statusEvent || idleCheckDue()) && finishedAndCaughtUp()) {
                    return true;
                }
            }
        } catch (IOException e) {
            // the connection dropped (or close() cut it): the caller reconnects or stops
        }
        return false;
    }

    private HttpRequest request() {
        long after = subscription.lastEventId();
        HttpRequest.Builder request = transport.request("/task/" + UrlPaths.segment(taskId) + "/events/stream?after=" + after)
                .header("Accept", "text/event-stream")
                .header("Cache-Control", "no-cache")
                .GET();
        if (after > 0) {
            request.header("Last-Event-ID", Long.toString(after));
        }
        return request.build();
    }

    private EventInfo toEvent(SseParser.Message message) {
        EventInfo event;
        try {
            JsonNode data = Json.mapper().readTree(message.data());
            if (!data.isObject()) {
                return null;
            }
            event = Json.mapper().treeToValue(data, EventInfo.class);
        } catch (JacksonException e) {
            return null;
        }
        if (event.id() == 0 && message.id() != null && message.id().matches("\\d{1,18}")) {
            event = event.withId(Long.parseLong(message.id()));
        }
        if (event.type() == null && !"message".equals(message.event())) {
            event = event.withType(message.event());
        }
        return event;
    }

    /** Delivers an event unless already delivered; true when it was a status event. */
    private boolean deliver(EventInfo event) {
        if (event.id() > 0 && event.id() <= subscription.lastEventId()) {
            return false;
        }
        consumer.accept(event);
        if (event.id() > 0) {
            subscription.delivered(event.id());
        }
        return "status".equals(event.type());
    }

    private boolean idleCheckDue() {
        return System.nanoTime() - lastTerminalCheck > IDLE_CHECK.toNanos();
    }

    private boolean finishedAndCaughtUp() {
        lastTerminalCheck = System.nanoTime();
        try {
            TaskInfo task = client.getTask(taskId);
            if (task.status() == null || !task.status().isTerminal()) {
                return false;
            }
            return client.listEvents(taskId, subscription.lastEventId(), 1).events().isEmpty();
        } catch (GsvTrainerException e) {
            if (subscription.isClosed() || isRetriable(e)) {
                return subscription.isClosed();
            }
            throw e;
        }
    }

    private Duration delay(int failures) {
        Duration base = serverRetryMillis >= 0 ? Duration.ofMillis(Math.max(serverRetryMillis, 100)) : reconnectDelay;
        Duration backoff = base.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 5));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
    }

    static boolean isRetriable(GsvTrainerException e) {
        int status = e.status();
        return status == 0 || status == 408 || status == 429 || status >= 500;
    }
}
