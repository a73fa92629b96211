package gsvtrainer.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TaskCallsTest {

    private static final String TASK_JSON = """
            {"task_id": "t_1", "task_name": "demo", "status": "running",
             "config": {"exp_name": "spk", "batch_size": 16}, "created_at": "2025-01-02T03:04:05Z",
             "updated_at": "2025-01-02T03:05:00.123Z", "current_step": "slice_audio", "progress": 18.2,
             "error_message": null, "error": null,
             "steps": {"convert_audio": "succeeded", "slice_audio": "running", "new_step": "paused_by_future_server"},
             "outdated_steps": [], "awaiting_review": false, "field_from_the_future": {"x": 1}}
            """;

    private final StubServer server = newServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createTaskSendsSnakeCaseAndReadsTaskInfo() throws Exception {
        server.json("/api/v1/task/create", 200, TASK_JSON);

        TaskInfo task = server.client().createTask("demo", Map.of("exp_name", "spk", "batch_size", 16));

        JsonNode sent = Json.mapper().readTree(server.requests().get(0).bodyText());
        assertThat(sent.path("task_name").stringValue()).isEqualTo("demo");
        assertThat(sent.path("config").path("batch_size").asInt()).isEqualTo(16);
        assertThat(server.requests().get(0).header("Content-Type")).isEqualTo("application/json");
        assertThat(task.taskId()).isEqualTo("t_1");
        assertThat(task.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(task.createdAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05Z"));
        assertThat(task.currentStep()).isEqualTo("slice_audio");
        assertThat(task.progressPercent()).isEqualTo(18.2);
        assertThat(task.steps()).containsEntry("convert_audio", RunStatus.SUCCEEDED)
                .containsEntry("new_step", RunStatus.UNKNOWN);
    }

    @Test
    void apiKeyIsSentAsBearerToken() {
        server.json("/api/v1/tasks", 200, "[" + TASK_JSON + "]");
        GsvTrainerClient client = GsvTrainerClient.builder(server.baseUrl() + "/").apiKey("k-123").build();

        List<TaskInfo> tasks = client.listTasks();

        assertThat(tasks).extracting(TaskInfo::taskName).containsExactly("demo");
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer k-123");
    }

    @Test
    void noAuthorizationHeaderWithoutKey() {
        server.json("/api/v1/tasks", 200, "[]");

        server.client().listTasks();

        assertThat(server.requests().get(0).header("Authorization")).isNull();
    }

    @Test
    void runStepPostsParamsAndForce() throws Exception {
        server.json("/api/v1/task/t_1/step/slice_audio", 200, """
                {"message": "queued", "task_id": "t_1", "step": "slice_audio", "run_id": "r_9", "attempt": 2, "status": "queued"}""");

        RunResponse run = server.client().runStep("t_1", "slice_audio", Map.of("threshold", -34), true);

        JsonNode sent = Json.mapper().readTree(server.requests().get(0).bodyText());
        assertThat(sent.path("params").path("threshold").asInt()).isEqualTo(-34);
        assertThat(sent.path("force").asBoolean()).isTrue();
        assertThat(run.runId()).isEqualTo("r_9");
        assertThat(run.attempt()).isEqualTo(2);
        assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
    }

    @Test
    void pipelineRequestUsesSnakeCaseAndLeavesOutUnsetBounds() throws Exception {
        server.json("/api/v1/task/t_1/pipeline", 200, """
                {"message": "ok", "steps": ["convert_audio", "slice_audio"], "run_ids": ["r_1", "r_2"]}""");

        PipelineResponse answer = server.client().runPipeline("t_1", PipelineRequest.builder()
                .stopAfter("asr_transcribe").skip("denoise_audio").param("slice_audio", "threshold", -34).build());

        JsonNode sent = Json.mapper().readTree(server.requests().get(0).bodyText());
        assertThat(sent.path("stop_after").stringValue()).isEqualTo("asr_transcribe");
        assertThat(sent.has("from")).isFalse();
        assertThat(sent.has("to")).isFalse();
        assertThat(sent.path("skip").get(0).stringValue()).isEqualTo("denoise_audio");
        assertThat(sent.path("params").path("slice_audio").path("threshold").asInt()).isEqualTo(-34);
        assertThat(sent.path("force").asBoolean()).isFalse();
        assertThat(answer.runIds()).containsExactly("r_1", "r_2");
    }

    @Test
    void readsRunsEventsArtifactsAndLogs() {
        server.json("/api/v1/task/t_1/runs", 200, """
                [{"run_id": "r_1", "task_id": "t_1", "step": "train_gpt", "attempt": 1, "status": "running",
                  "progress": 0.42, "detail": {"epoch": 3}, "started_at": "2025-01-02T03:04:05Z", "finished_at": null}]""");
        server.json("/api/v1/task/t_1/events", 200, """
                {"events": [{"id": 7, "task_id": "t_1", "run_id": "r_1", "time": "2025-01-02T03:04:05Z",
                             "level": "info", "type": "progress", "data": {"progress": 0.5}}], "next_after": 7}""");
        server.json("/api/v1/task/t_1/artifacts", 200, """
                [{"artifact_id": "a_1", "task_id": "t_1", "run_id": "r_1", "kind": "gpt_weight", "name": "spk-e15.ckpt",
                  "path": "weights/gpt/spk-e15.ckpt", "size": 12, "sha256": "ab", "metadata": {"epoch": 15}}]""");
        server.json("/api/v1/task/t_1/logs", 200, """
                {"logs": "line 1\\nline 2"}""");
        GsvTrainerClient client = server.client();

        StepRunInfo run = client.listRuns("t_1").get(0);
        EventPage page = client.listEvents("t_1", 5, 50);
        ArtifactInfo artifact = client.listArtifacts("t_1").get(0);

        assertThat(run.progressFraction()).isEqualTo(0.42);
        assertThat(run.detail()).containsEntry("epoch", 3);
        assertThat(page.events()).extracting(EventInfo::id).containsExactly(7L);
        assertThat(page.nextAfter()).isEqualTo(7L);
        assertThat(server.requestsTo("/api/v1/task/t_1/events").get(0).query()).isEqualTo("after=5&limit=50");
        assertThat(artifact.kind()).isEqualTo("gpt_weight");
        assertThat(client.logs("t_1")).isEqualTo("line 1\nline 2");
    }

    @Test
    void pathSegmentsAreEncoded() {
        server.on("/api/v1/task/t_1/files/download/", (exchange, recorded) ->
                StubServer.respond(exchange, 404, "application/json", "{\"detail\": \"no\", \"code\": \"file_not_found\"}"));

        assertThatThrownBy(() -> server.client().download("t_1", "my file#1.wav", java.nio.file.Path.of("x")))
                .isInstanceOf(GsvTrainerException.class);

        assertThat(server.requests().get(0).path()).isEqualTo("/api/v1/task/t_1/files/download/my%20file%231.wav");
    }

    @Test
    void baseUrlIsNormalisedToTheApiPath() {
        assertThat(GsvTrainerClientBuilder.apiBase("http://h:8000")).isEqualTo("http://h:8000/api/v1");
        assertThat(GsvTrainerClientBuilder.apiBase("http://h:8000/api/v1/")).isEqualTo("http://h:8000/api/v1");
        assertThatThrownBy(() -> GsvTrainerClientBuilder.apiBase("h:8000")).isInstanceOf(IllegalArgumentException.class);
    }

    private static StubServer newServer() {
        try {
            return new StubServer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
