package gsvtrainer.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.config.Json;
import gsvtrainer.process.ProcessGroups;
import gsvtrainer.testsupport.Multipart;
import gsvtrainer.testsupport.TestAudio;
import gsvtrainer.upstream.StandinServerTest;
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
        String survivor = createTask(Map.of("s2_train", Map.of("epoch_seconds", 75, "exit", 1)));
        String victim = createTask(Map.of("s1_train", Map.of("epoch_seconds", 300, "workers", 2)));
        upload(survivor);
        givenSucceeded(survivor, "extract_text_features", "extract_audio_features", "extract_semantic_features");
        givenSucceeded(victim, "extract_text_features", "extract_semantic_features");
        givenFeatures(survivor);
        givenFeatures(victim);
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
        assertThat(((Map<?, ?>) survivorAfter.get("error")).get("code")).isEqualTo("upstream_failed");

        assertThat(eventCount(survivor)).isGreaterThan(eventsBefore);
        awaitNoStandbyOf(first.pid());
        assertThat(http("GET", "/api/v1/task/" + survivor + "/artifacts").body()).contains("\"kind\":\"upload\"");
        assertThat(http("GET", "/api/v1/tasks").body()).contains(survivor, victim);
    }

    private Process startServer() throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "gsvtrainer.Main", "serve", "--port", Integer.toString(port),
                "--data-dir", data.toString(), "--gpus", "fake:2", "--log-level", "WARN", "--config", standinConfig().toString());
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

    /** A task whose stand-in upstream scripts behave as {@code behaviour} says. */
    private String createTask(Map<String, Object> behaviour) throws Exception {
        String body = Json.write(Map.of("task_name", "restart", "config", Map.of("version", "v2", "exp_name", "spk")));
        String task = (String) Json.readMap(http("POST", "/api/v1/task/create", body).body()).get("task_id");
        Files.createDirectories(workspace(task));
        Files.writeString(workspace(task).resolve("standin.json"), Json.write(behaviour));
        return task;
    }

    private Path workspace(String task) {
        return data.resolve("tasks").resolve(task);
    }

    /** Points the server at the stand-in upstream checkout. */
    private Path standinConfig() throws IOException {
        Path file = data.resolve("standin.yml");
        Files.writeString(file, "gsv:\n  upstream-dir: " + StandinServerTest.standin() + "\n  upstream-python: python3\n");
        return file;
    }

    /** A two-clip transcript and the feature files training reads, as the earlier steps leave them. */
    private void givenFeatures(String task) throws IOException {
        Path sliced = Files.createDirectories(workspace(task).resolve("sliced"));
        StringBuilder list = new StringBuilder();
        for (String clip : List.of("a.wav", "b.wav")) {
            Files.write(sliced.resolve(clip), TestAudio.toneWav(4, 32000));
            list.append(sliced.resolve(clip)).append("|spk|ZH|你好世界。\n");
        }
        Files.createDirectories(workspace(task).resolve("asr"));
        Files.writeString(workspace(task).resolve("asr/transcript.list"), list.toString());
        Path exp = workspace(task).resolve("exp");
        for (String folder : List.of("4-cnhubert", "5-wav32k", "7-sv_cn")) {
            Files.createDirectories(exp.resolve(folder));
            Files.writeString(exp.resolve(folder).resolve("a.wav" + (folder.startsWith("5") ? "" : ".pt")), "x");
        }
        Files.writeString(exp.resolve("2-name2text.txt"), "a.wav\tn i\t1 1\tni\n");
        Files.writeString(exp.resolve("6-name2semantic.tsv"), "item_name\tsemantic_audio\na.wav\t1 2 3\n");
    }

    private void upload(String task) throws Exception {
        var response = http.send(Multipart.upload("http://127.0.0.1:" + port + "/api/v1/task/" + task + "/files/upload",
                "a.wav", TestAudio.toneWav(1, 16000)), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private String runStep(String task, String step) throws Exception {
        var response = http("POST", "/api/v1/task/" + task + "/step/" + step, "{\"params\": {\"total_epoch\": 1}}");
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

    /** A run process the killed server started ahead of a run, and never gave one, ends by itself. */
    private static void awaitNoStandbyOf(long serverPid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (standbysOf(serverPid) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(standbysOf(serverPid)).as("standby run processes of the killed server").isZero();
    }

    private static long standbysOf(long serverPid) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains(" standby ") && c.contains(" " + serverPid + " ")).orElse(false)).count();
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
