package gsvtrainer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TaskCommandTest {

    private static final String TASK = """
            {"task_id": "t_1", "task_name": "voice", "status": "running", "current_step": "slice_audio", "progress": 18.2,
             "created_at": "2025-01-02T03:04:05Z", "steps": {"convert_audio": "succeeded", "slice_audio": "running"}}""";

    private final FakeApi api = new FakeApi();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    TaskCommandTest() throws IOException {
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void hasEveryClientSubcommand() {
        CommandLine task = new CommandLine(new TaskCommand());

        assertThat(task.getSubcommands().keySet()).contains("create", "list", "status", "upload", "run", "pipeline",
                "runs", "logs", "download", "cancel", "delete", "events");
    }

    @Test
    void followingExitsOneUnlessTheTaskCompletedOrTheRunSucceeded() {
        AtomicReference<String> status = new AtomicReference<>("failed");
        api.on("/task/t_1", (exchange, body) -> FakeApi.send(exchange, 200, "application/json",
                TASK.replace("\"status\": \"running\"", "\"status\": \"" + status.get() + "\"").getBytes(StandardCharsets.UTF_8)));
        api.json("/task/t_1/events", 200, "{\"events\": [], \"next_after\": 0}");
        assertThat(execute("events", "t_1", "--follow")).as(err.toString()).isEqualTo(1);
        status.set("completed");
        assertThat(execute("events", "t_1", "--follow")).as(err.toString()).isZero();

        api.on("/task/t_1/runs/r_1/log", (exchange, body) -> FakeApi.send(exchange, 200, "text/plain",
                "epoch 1\n".getBytes(StandardCharsets.UTF_8)));
        api.json("/task/t_1/runs/r_1", 200, "{\"run_id\": \"r_1\", \"task_id\": \"t_1\", \"step\": \"train_gpt\", "
                + "\"status\": \"cancelled\"}");
        assertThat(execute("logs", "t_1", "--run", "r_1", "-f")).isEqualTo(1);
        assertThat(out.toString()).contains("epoch 1");
        assertThat(err.toString()).contains("run r_1 is cancelled");
    }

    @Test
    void aFullPageOfEventsSaysHowToReadOn() {
        api.json("/task/t_1/events", 200, "{\"events\": [{\"id\": 7, \"task_id\": \"t_1\", \"type\": \"log\", "
                + "\"level\": \"info\", \"time\": \"2025-01-02T03:04:05Z\", \"data\": {\"line\": \"hello\"}}], \"next_after\": 7}");

        assertThat(execute("events", "t_1", "--limit", "1")).isZero();

        assertThat(out.toString()).contains("hello");
        assertThat(err.toString()).contains("--after 7");
    }

    @Test
    void listPrintsATableOrJson() {
        api.json("/tasks", 200, "[" + TASK + "]");

        assertThat(execute("list")).isZero();
        assertThat(out.toString()).contains("TASK ID").contains("t_1").contains("voice").contains("18.2%");

        out.getBuffer().setLength(0);
        assertThat(execute("list", "--json")).isZero();
        assertThat(out.toString()).contains("\"task_id\" : \"t_1\"").contains("\"current_step\" : \"slice_audio\"");
    }

    @Test
    void createSendsNameLanguageVersionAndTypedConfig() {
        AtomicReference<String> sent = new AtomicReference<>();
        api.on("/task/create", (exchange, body) -> {
            sent.set(new String(body, StandardCharsets.UTF_8));
            FakeApi.send(exchange, 200, "application/json", TASK.getBytes(StandardCharsets.UTF_8));
        });

        int code = execute("create", "--name", "voice", "--language", "en", "--version", "v2Pro", "-c", "batch_size=8",
                "-c", "gpu_id=\"0\"");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().trim()).isEqualTo("t_1");
        assertThat(sent.get()).contains("\"task_name\":\"voice\"", "\"exp_name\":\"voice\"", "\"language\":\"en\"",
                "\"version\":\"v2Pro\"", "\"batch_size\":8", "\"gpu_id\":\"0\"");
    }

    @Test
    void aConflictIsReportedWithItsCodeAndExitsThree() {
        api.json("/task/t_1/step/slice_audio", 409, "{\"detail\": \"step slice_audio is already queued\", \"code\": \"run_active\"}");

        int code = execute("run", "t_1", "slice_audio", "-p", "threshold=-34");

        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("step slice_audio is already queued [run_active]");
    }

    @Test
    void aMalformedParamIsAUsageError() {
        int code = execute("run", "t_1", "slice_audio", "-p", "threshold");

        assertThat(code).isEqualTo(2);
        assertThat(api.calls()).isEmpty();
    }

    @Test
    void statusShowsTheSteps() {
        api.json("/task/t_1", 200, TASK);

        assertThat(execute("status", "t_1")).isZero();
        assertThat(out.toString()).contains("Status:    running").contains("convert_audio  succeeded");
    }

    private int execute(String... args) {
        CommandLine command = new CommandLine(new TaskCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        String[] withServer = java.util.Arrays.copyOf(args, args.length + 2);
        withServer[args.length] = "--server";
        withServer[args.length + 1] = api.url();
        return command.execute(withServer);
    }
}
