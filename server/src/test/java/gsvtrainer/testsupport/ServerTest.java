package gsvtrainer.testsupport;

import gsvtrainer.config.Json;
import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.steprun.StepRunRepository;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real server on a random port with its own SQLite database and data dir, two fake GPU slots and
 * two CPU slots; helpers speak plain HTTP to it like any client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServerTest {

    protected static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("gsv-test-");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("gsv.data-dir", DATA_DIR::toString);
        registry.add("gsv.gpus", () -> "fake:2");
        registry.add("gsv.cpu-slots", () -> "2");
        registry.add("gsv.scheduler-tick", () -> "100ms");
        registry.add("gsv.max-upload-size", () -> "2MB");
        registry.add("gsv.max-task-upload-size", () -> "3MB");
        try {
            Files.createDirectories(DATA_DIR.resolve("tmp"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected StepRunRepository runs;

    @Autowired
    protected org.springframework.jdbc.core.simple.JdbcClient jdbc;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    protected HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    protected HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).DELETE().build());
    }

    protected HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static Map<String, Object> json(HttpResponse<String> response) {
        return Json.readMap(response.body());
    }

    /** Creates a v2 task with {@code extra} config fields; returns its id. */
    protected String createTask(String name, Map<String, Object> extra) {
        Map<String, Object> config = new java.util.LinkedHashMap<>(Map.of("exp_name", "spk", "gpu_id", "0", "version", "v2"));
        config.putAll(extra);
        var response = post("/api/v1/task/create", Json.write(Map.of("task_name", name, "config", config)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("create failed: " + response.statusCode() + " " + response.body());
        }
        return (String) json(response).get("task_id");
    }

    /** Records that {@code steps} already succeeded for a task (test set-up, not a code path under test). */
    protected void givenSucceeded(String taskId, String... steps) {
        long now = System.currentTimeMillis();
        for (String step : steps) {
            int attempt = runs.nextAttempt(taskId, step);
            jdbc.sql("INSERT INTO step_run (id, task_id, step, attempt, params, status, progress, created_at, started_at, "
                            + "finished_at, exit_code) VALUES (?, ?, ?, ?, '{}', 'succeeded', 1, ?, ?, ?, 0)")
                    .params("r_given_" + step + "_" + taskId + "_" + attempt, taskId, step, attempt, now, now, now)
                    .update();
        }
    }

    protected StepRun awaitRun(String runId, Predicate<StepRun> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        StepRun run = runs.find(runId).orElseThrow();
        while (!condition.test(run)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + runId + " did not reach the expected state; it is " + run.status()
                        + " " + run.error());
            }
            sleep(50);
            run = runs.find(runId).orElseThrow();
        }
        return run;
    }

    protected StepRun awaitStatus(String runId, RunStatus status, Duration timeout) {
        return awaitRun(runId, r -> r.status() == status, timeout);
    }

    protected List<StepRun> runsOf(String taskId) {
        return runs.findByTask(taskId);
    }

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
