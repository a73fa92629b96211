package gsvtrainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainCommandTest {

    private static final String ARTIFACTS = """
            [{"artifact_id": "a_up", "task_id": "t_1", "kind": "upload", "name": "u_1.wav", "size": 3, "created_at": "2025-01-01T00:00:00Z"},
             {"artifact_id": "a_s4", "task_id": "t_1", "kind": "sovits_weight", "name": "voice_e4.pth", "size": 7, "created_at": "2025-01-01T00:00:30Z"},
             {"artifact_id": "a_s", "task_id": "t_1", "kind": "sovits_weight", "name": "voice_e8.pth", "size": 6, "created_at": "2025-01-01T00:01:00Z"},
             {"artifact_id": "a_g", "task_id": "t_1", "kind": "gpt_weight", "name": "voice-e15.ckpt", "size": 6, "created_at": "2025-01-01T00:02:00Z"}]""";

    private final FakeApi api = new FakeApi();
    private final AtomicReference<String> status = new AtomicReference<>("created");
    private final AtomicReference<String> error = new AtomicReference<>("null");
    private final CountDownLatch release = new CountDownLatch(1);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    TrainCommandTest() throws IOException {
    }

    @BeforeEach
    void commonAnswers() {
        api.json("/task/create", 200, task());
        api.on("/task/t_1", (exchange, body) -> FakeApi.send(exchange, 200, "application/json", bytes(task())));
        api.json("/task/t_1/files/upload", 200, "{\"filename\": \"u_1.wav\", \"original_filename\": \"a.wav\", \"size\": 3}");
        api.on("/task/t_1/pipeline", (exchange, body) -> {
            status.set("running");
            FakeApi.send(exchange, 200, "application/json", bytes("{\"message\": \"queued\", \"steps\": [\"convert_audio\"], \"run_ids\": [\"r_1\"]}"));
        });
        api.json("/task/t_1/events", 200, "{\"events\": [], \"next_after\": 0}");
        api.json("/task/t_1/artifacts", 200, ARTIFACTS);
        api.on("/task/t_1/artifacts/", (exchange, body) -> {
            String id = exchange.getRequestURI().getPath().split("/")[6];
            FakeApi.send(exchange, 200, "application/octet-stream", bytes("bytes-" + id));
        });
    }

    @AfterEach
    void stop() {
        release.countDown();
        api.close();
    }

    @Test
    void trainsFollowsTheStreamAndDownloadsTheWeights() throws IOException {
        api.on("/task/t_1/events/stream", (exchange, body) -> {
            OutputStream stream = openStream(exchange);
            sse(stream, 1, "progress", "{\"step\": \"slice_audio\", \"progress\": 0.5, \"detail\": {\"files_done\": 1}}");
            status.set("completed");
            sse(stream, 2, "status", "{\"step\": \"test_inference\", \"status\": \"succeeded\"}");
            hold();
        });
        Path audio = Files.writeString(dir.resolve("a.wav"), "RIF");
        Path outDir = dir.resolve("weights");

        int code = execute("train", audio.toString(), "--name", "voice", "--out", outDir.toString());

        assertThat(code).as(err.toString()).isEqualTo(0);
        assertThat(Files.readString(outDir.resolve("voice_e8.pth"))).isEqualTo("bytes-a_s");
        assertThat(Files.readString(outDir.resolve("voice-e15.ckpt"))).isEqualTo("bytes-a_g");
        assertThat(outDir.resolve("u_1.wav")).doesNotExist();
        assertThat(outDir.resolve("voice_e4.pth")).as("an earlier checkpoint, without --all-weights").doesNotExist();
        assertThat(out.toString()).contains("task t_1 completed").contains("voice_e8.pth");
        assertThat(api.calls()).contains("POST /api/v1/task/create", "POST /api/v1/task/t_1/files/upload",
                "POST /api/v1/task/t_1/pipeline", "GET /api/v1/task/t_1/events/stream");
    }

    @Test
    void aFailedTaskExitsOneWithItsErrorAndLogTail() throws IOException {
        api.on("/task/t_1/events/stream", (exchange, body) -> {
            OutputStream stream = openStream(exchange);
            error.set("{\"code\": \"step_unavailable\", \"message\": \"train_sovits has no implementation\", "
                    + "\"step\": \"train_sovits\", \"run_id\": \"r_9\"}");
            status.set("failed");
            sse(stream, 1, "status", "{\"step\": \"train_sovits\", \"status\": \"failed\"}");
            hold();
        });
        api.on("/task/t_1/runs/r_9/log", (exchange, body) -> FakeApi.send(exchange, 200, "text/plain", bytes("Traceback: boom\n")));
        Path audio = Files.writeString(dir.resolve("a.wav"), "RIF");

        int code = execute("train", audio.toString(), "--name", "voice", "--out", dir.resolve("w").toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("step_unavailable").contains("train_sovits has no implementation")
                .contains("Traceback: boom");
    }

    @Test
    void aServerErrorExitsThree() throws IOException {
        try (FakeApi refusing = new FakeApi()) {
            refusing.json("/task/create", 401, "{\"detail\": \"API key required\", \"code\": \"unauthorized\"}");
            Path audio = Files.writeString(dir.resolve("a.wav"), "RIF");

            int code = execute("train", audio.toString(), "--name", "voice", "--server", refusing.url());

            assertThat(code).isEqualTo(3);
            assertThat(err.toString()).contains("API key required [unauthorized]");
        }
    }

    @Test
    void aMissingAudioFileIsAUsageError() {
        int code = execute("train", dir.resolve("absent.wav").toString(), "--name", "voice");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("not a readable file");
        assertThat(api.calls()).isEmpty();
    }

    @Test
    void helpWorksAlongsideTheVersionOption() {
        CommandLine command = new CommandLine(new TrainCommand());
        command.setOut(new PrintWriter(out, true));

        assertThat(command.execute("--help")).isZero();
        assertThat(out.toString()).contains("--version=<version>").contains("--stop-after=STEP");
    }

    private int execute(String... args) {
        String[] withServer = args;
        if (!String.join(" ", args).contains("--server")) {
            withServer = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--server", api.url()))
                    .toArray(String[]::new);
        }
        CommandLine command = new CommandLine(new TrainCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(java.util.Arrays.copyOfRange(withServer, 1, withServer.length));
    }

    private String task() {
        return "{\"task_id\": \"t_1\", \"task_name\": \"voice\", \"status\": \"" + status.get() + "\", \"progress\": "
                + ("completed".equals(status.get()) ? 100 : 10) + ", \"error\": " + error.get() + "}";
    }

    private static OutputStream openStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }

    private static void sse(OutputStream stream, long id, String type, String data) throws IOException {
        String event = "{\"id\": " + id + ", \"task_id\": \"t_1\", \"type\": \"" + type + "\", \"data\": " + data + "}";
        stream.write(bytes("id: " + id + "\nevent: " + type + "\ndata: " + event + "\n\n"));
        stream.flush();
    }

    private void hold() {
        try {
            release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
