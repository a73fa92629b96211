package gsvtrainer.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WaitForTest {

    private final StubServer server = new StubServer();
    private final AtomicInteger polls = new AtomicInteger();

    WaitForTest() throws IOException {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void returnsTheTaskOnceTheConditionHolds() {
        server.on("/api/v1/task/t_1", (exchange, recorded) -> {
            int poll = polls.incrementAndGet();
            if (poll == 2) {
                StubServer.respond(exchange, 503, "text/plain", "restarting");
                return;
            }
            String status = poll < 4 ? "running" : "completed";
            StubServer.respond(exchange, 200, "application/json", "{\"task_id\": \"t_1\", \"status\": \"" + status + "\"}");
        });

        TaskInfo task = client().waitForTerminal("t_1", Duration.ofSeconds(10));

        assertThat(task.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(polls.get()).isEqualTo(4);
    }

    @Test
    void timesOutWithTheLastSeenTask() {
        server.json("/api/v1/task/t_1", 200, "{\"task_id\": \"t_1\", \"status\": \"running\", \"progress\": 40}");
        long started = System.nanoTime();

        assertThatThrownBy(() -> client().waitForTerminal("t_1", Duration.ofMillis(300)))
                .isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
                    assertThat(e.lastSeen().progressPercent()).isEqualTo(40.0);
                    assertThat(e.getMessage()).contains("last status: running");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(3));
    }

    @Test
    void aClientErrorStopsWaitingAtOnce() {
        server.json("/api/v1/task/t_1", 404, "{\"detail\": \"task t_1 not found\", \"code\": \"task_not_found\"}");

        assertThatThrownBy(() -> client().waitForTerminal("t_1", Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(GsvTrainerException.class, e -> assertThat(e.code()).isEqualTo("task_not_found"));
        assertThat(server.requests()).hasSize(1);
    }

    private GsvTrainerClient client() {
        return GsvTrainerClient.builder(server.baseUrl()).pollInterval(Duration.ofMillis(20)).build();
    }
}
