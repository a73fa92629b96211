package gsvtrainer.api;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.config.Json;
import gsvtrainer.upstream.StandinServerTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The live event stream: every event of a run arrives in order, and a reconnect resumes after Last-Event-ID. */
class EventStreamTest extends StandinServerTest {

    @Test
    void streamsEveryEventAndResumesAfterLastEventId() throws Exception {
        String task = createStandinTask("sse", Map.of("s1_train", Map.of("epoch_seconds", 0.5, "steps", 6)));
        givenFeatures(task);
        CompletableFuture<List<Map<String, Object>>> live = CompletableFuture.supplyAsync(() -> readUntilFinished(task, null));
        sleep(300);
        post("/api/v1/task/" + task + "/step/train_gpt", "{\"params\": {\"total_epoch\": 3}}");
        List<Map<String, Object>> events = live.get(60, TimeUnit.SECONDS);

        List<Long> ids = events.stream().map(e -> ((Number) e.get("id")).longValue()).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(events).extracting(e -> e.get("type")).contains("status", "progress", "metric", "log");
        List<?> stored = (List<?>) json(get("/api/v1/task/" + task + "/events?limit=1000")).get("events");
        assertThat(events).hasSameSizeAs(stored);

        long middle = ids.get(ids.size() / 2);
        List<Map<String, Object>> resumed = readUntilFinished(task, Long.toString(middle));
        assertThat(resumed).extracting(e -> ((Number) e.get("id")).longValue())
                .containsExactlyElementsOf(ids.stream().filter(id -> id > middle).toList());
    }

    /** Reads the stream until the run's final status event. */
    private List<Map<String, Object>> readUntilFinished(String task, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/api/v1/task/" + task + "/events/stream")))
                .timeout(Duration.ofSeconds(60)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        List<Map<String, Object>> events = new ArrayList<>();
        try {
            HttpResponse<java.util.stream.Stream<String>> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            var lines = response.body().iterator();
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("data:")) {
                    Map<String, Object> event = Json.readMap(line.substring(5));
                    events.add(event);
                    Map<?, ?> data = (Map<?, ?>) event.get("data");
                    if ("status".equals(event.get("type")) && "succeeded".equals(data.get("status"))) {
                        break;
                    }
                }
            }
            response.body().close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return events;
    }

    @Test
    void aStreamEndsWhenItsTaskIsDeleted() throws Exception {
        String task = createStandinTask("deleted-while-streamed", Map.of());
        var stream = http.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/task/" + task
                + "/events/stream"))).header("Accept", "text/event-stream").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        Thread.sleep(500);

        assertThat(delete("/api/v1/task/" + task).statusCode()).isEqualTo(200);

        var ended = stream.get(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(ended.statusCode()).isEqualTo(200);
    }
}
