package gsvtrainer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.config.Json;
import gsvtrainer.process.ProcessGroups;
import gsvtrainer.testsupport.Multipart;
import gsvtrainer.testsupport.TestAudio;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real server process is killed with SIGKILL while steps run, then started again on the same data:
 * tasks, runs, events and files are still there; a run whose process survived is re-adopted and ends
 * with its real exit code; one whose process died meanwhile is {@code interrupted}.
 */
class RestartRecoveryTest {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> servers = new ArrayList<>();
    private int port;

    @AfterEach
    void stopServers() {
        servers.forEach(Process::destroyForcibly);
    }

    @Test
    void stateSurvivesAKillAndRunsAreReAdoptedOrInterrupted() throws Exception {
        port = freePort();
        Process first = startServer();
        String survivor = createTask(Map.of("train_sovits", Map.of("seconds", 20, "exit", 1)));
        String victim = createTask(Map.of("train_gpt", Map.of("seconds", 300, "children", 1)));
        upload(survivor);
        givenSucceeded(survivor, "extract_text_features", "extract_audio_features", "extract_semantic_features");
        givenSucceeded(victim, "extract_text_features", "extract_semantic_features");
        String survivorRun = runStep(survivor, "train_sovits");
        String victimRun = runStep(victim, "train_gpt");
        long survivorPid = awaitPid(survivorRun);
        long victimPid = awaitPid(victimRun);
        long eventsBefore = eventCount(survivor);

        first.destroyForcibly().waitFor();
        assertThat(ProcessGroups.members(survivorPid)).as("the survivor's processes outlive the server").isNotEmpty();
        ProcessGroups.killSession(victimPid, Duration.ofSeconds(1));

        startServer();
        Map<String, Object> victimAfter = awaitRun(victim, victimRun, r -> r.get("status").equals("interrupted"));
        assertThat(((Map<?, ?>) victimAfter.get("error")).get("code")).isEqualTo("interrupted");
        assertThat(get("/api/v1/task/" + victim).get("status")).isEqualTo("failed");

        assertThat(ProcessGroups.members(survivorPid)).as("re-adopted, still running").isNotEmpty();
        Map<String, Object> survivorAfter = awaitRun(survivor, survivorRun, r -> r.get("status").equals("failed"));
        assertThat(survivorAfter.get("exit_code")).isEqualTo(1);
        assertThat(((Map<?, ?>) survivorAfter.get("error")).get("code")).isEqualTo("fake_failure");

        assertThat(eventCount(survivor)).isGreaterThan(eventsBefore);
        assertThat(http("GET", "/api/v1/task/" + survivor + "/artifacts").body()).contains("\"kind\":\"upload\"");
        assertThat(http("GET", "/api/v1/tasks").body()).contains(survivor, victim);
    }

    private Process startServer() throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "gsvtrainer.Main", "serve", "--port", Integer.toString(port),
                "--data-dir", data.toString(), "--gpus", "fake:2", "--log-level", "WARN");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("server.log").toFile())).start();
        servers.add(process);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http("GET", "/actuator/health").statusCode() == 200) {
                    return process;
                }
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("server did not start: " + Files.readString(data.resolve("server.log")));
    }

    private String createTask(Map<String, Object> fake) throws Exception {
        String body = Json.write(Map.of("task_name", "restart", "config", Map.of("version", "v2", "fake", fake)));
        return (String) Json.readMap(http("POST", "/api/v1/task/create", body).body()).get("task_id");
    }

    private void upload(String task) throws Exception {
        var response = http.send(Multipart.upload("http://127.0.0.1:" + port + "/api/v1/task/" + task + "/files/upload",
                "a.wav", TestAudio.toneWav(1, 16000)), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private String runStep(String task, String step) throws Exception {
        var response = http("POST", "/api/v1/task/" + task + "/step/" + step, "{}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return (String) Json.readMap(response.body()).get("run_id");
    }

    private void givenSucceeded(String task, String... steps) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("gsv.db") + "?busy_timeout=10000")) {
            for (String step : steps) {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO step_run (id, task_id, step, attempt, "
                        + "params, status, progress, created_at, started_at, finished_at, exit_code) "
                        + "VALUES (?, ?, ?, 1, '{}', 'succeeded', 1, 0, 0, 0, 0)")) {
                    insert.setString(1, "r_given_" + step + task);
                    insert.setString(2, task);
                    insert.setString(3, step);
                    insert.executeUpdate();
                }
            }
        }
    }

    private long awaitPid(String runId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("gsv.db") + "?busy_timeout=10000");
                 PreparedStatement query = db.prepareStatement("SELECT pid FROM step_run WHERE id = ? AND status = 'running'")) {
                query.setString(1, runId);
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > 0 && ProcessGroups.members(rs.getLong(1)).size() >= 2) {
                        return rs.getLong(1);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not start");
    }

    private Map<String, Object> awaitRun(String task, String runId, Predicate<Map<String, Object>> condition)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Map<String, Object> run = get("/api/v1/task/" + task + "/runs/" + runId);
        while (!condition.test(run)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + runId + " is " + run);
            }
            Thread.sleep(200);
            run = get("/api/v1/task/" + task + "/runs/" + runId);
        }
        return run;
    }

    private long eventCount(String task) throws Exception {
        return ((List<?>) get("/api/v1/task/" + task + "/events?limit=1000").get("events")).size();
    }

    private Map<String, Object> get(String path) throws Exception {
        return Json.readMap(http("GET", path).body());
    }

    private HttpResponse<String> http(String method, String path) throws IOException, InterruptedException {
        return http(method, path, null);
    }

    private HttpResponse<String> http(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
