package gsvtrainer.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {

    private final StubServer server = new StubServer();

    ErrorMappingTest() throws IOException {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void problemDocumentGivesStatusCodeAndDetail() {
        server.json("/api/v1/task/t_1/step/slice_audio", 409, """
                {"type": "about:blank", "title": "Conflict", "status": 409,
                 "detail": "step slice_audio is already queued", "code": "run_active"}""");

        GsvTrainerException e = failureOf(() -> server.client().runStep("t_1", "slice_audio", null, false));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo("run_active");
        assertThat(e.detail()).isEqualTo("step slice_audio is already queued");
        assertThat(e.getMessage()).isEqualTo("HTTP 409 [run_active]: step slice_audio is already queued");
    }

    @Test
    void oldStyleListDetailKeepsEveryMessage() {
        server.json("/api/v1/task/create", 422, """
                {"detail": [{"loc": ["body", "task_name"], "msg": "field required", "type": "value_error.missing"},
                            {"loc": ["body", "config", "batch_size"], "msg": "must be positive"}]}""");

        GsvTrainerException e = failureOf(() -> server.client().createTask("x", null));

        assertThat(e.status()).isEqualTo(422);
        assertThat(e.code()).isNull();
        assertThat(e.detail()).isEqualTo("body.task_name: field required; body.config.batch_size: must be positive");
    }

    @Test
    void objectDetailIsKeptAsJsonText() {
        server.json("/api/v1/task/t_1", 400, """
                {"detail": {"param": "threshold", "reason": "too low"}, "code": "invalid_param"}""");

        GsvTrainerException e = failureOf(() -> server.client().getTask("t_1"));

        assertThat(e.code()).isEqualTo("invalid_param");
        assertThat(e.detail()).contains("\"param\":\"threshold\"").contains("too low");
    }

    @Test
    void nonJsonErrorBodyIsKeptAsText() {
        server.on("/api/v1/tasks", (exchange, recorded) -> StubServer.respond(exchange, 502, "text/html", "<h1>Bad Gateway</h1>"));

        GsvTrainerException e = failureOf(() -> server.client().listTasks());

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.detail()).isEqualTo("<h1>Bad Gateway</h1>");
    }

    @Test
    void unreachableServerIsStatusZeroWithCause() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        GsvTrainerClient client = GsvTrainerClient.builder("http://127.0.0.1:" + freePort).build();

        GsvTrainerException e = failureOf(client::listTasks);

        assertThat(e.hasStatus()).isFalse();
        assertThat(e.getCause()).isInstanceOf(IOException.class);
        assertThat(e.getMessage()).contains("cannot reach");
    }

    private static GsvTrainerException failureOf(Runnable call) {
        GsvTrainerException e = catchThrowableOfType(GsvTrainerException.class, call::run);
        assertThat(e).as("the call should have failed").isNotNull();
        return e;
    }
}
