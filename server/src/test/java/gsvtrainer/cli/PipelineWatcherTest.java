package gsvtrainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.TaskInfo;
import gsvtrainer.client.TaskStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** While the server is away, train keeps watching, and says so instead of hanging silently. */
class PipelineWatcherTest {

    private final FakeApi api = new FakeApi();

    PipelineWatcherTest() throws IOException {
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void anUnreachableServerIsReportedThenItsReturnToo() throws Exception {
        AtomicReference<String> state = new AtomicReference<>("running");
        api.on("/task/t_1", (exchange, body) -> {
            if (state.get().equals("down")) {
                FakeApi.send(exchange, 503, "application/json", "{\"detail\": \"restarting\"}".getBytes(StandardCharsets.UTF_8));
            } else {
                FakeApi.send(exchange, 200, "application/json", ("{\"task_id\": \"t_1\", \"task_name\": \"v\", \"status\": \""
                        + state.get() + "\", \"progress\": 10}").getBytes(StandardCharsets.UTF_8));
            }
        });
        api.json("/task/t_1/events", 200, "{\"events\": [], \"next_after\": 0}");
        api.json("/task/t_1/runs", 200, "[]");
        api.on("/task/t_1/events/stream", (exchange, body) -> FakeApi.send(exchange, 503, "text/plain", new byte[0]));
        List<String> warnings = new CopyOnWriteArrayList<>();
        GsvTrainerClient client = GsvTrainerClient.builder(api.url()).reconnectDelay(Duration.ofMillis(100)).build();
        AtomicReference<TaskInfo> end = new AtomicReference<>();
        Thread watching = new Thread(() -> {
            try (PipelineDisplay display = new PipelineDisplay()) {
                end.set(new PipelineWatcher(client, Duration.ofMillis(300), warnings::add).watch("t_1", display));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        watching.start();

        Thread.sleep(500);
        state.set("down");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (warnings.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        state.set("completed");
        watching.join(30_000);

        assertThat(warnings).isNotEmpty();
        assertThat(warnings.get(0)).contains("cannot reach the server").contains("gsv-trainer task status t_1");
        assertThat(warnings).last().isEqualTo("server reachable again");
        assertThat(end.get().status()).isEqualTo(TaskStatus.COMPLETED);
    }
}
