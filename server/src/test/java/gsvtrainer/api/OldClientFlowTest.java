package gsvtrainer.api;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.testsupport.Multipart;
import gsvtrainer.testsupport.ServerTest;
import gsvtrainer.testsupport.TestAudio;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The old service's client flow, replayed over HTTP with its exact paths and bodies: create, upload,
 * run a step, poll until completed, logs, download, cancel, delete.
 */
class OldClientFlowTest extends ServerTest {

    @Test
    void theOldClientFlowWorksUnchanged() {
        var created = post("/api/v1/task/create", """
                {"task_name": "old-client", "config": {"exp_name": "speaker1", "language": "zh", "batch_size": 4,
                 "epochs_s2": 2, "epochs_s1": 2, "gpu_id": "0"}}""");
        assertThat(created.statusCode()).isEqualTo(200);
        Map<String, Object> task = json(created);
        assertThat(task).containsKeys("task_id", "task_name", "status", "config", "created_at", "updated_at",
                "current_step", "progress", "error_message");
        assertThat(task.get("status")).isEqualTo("created");
        assertThat(task.get("progress")).isEqualTo(0.0);
        String id = (String) task.get("task_id");

        var upload = send(Multipart.upload(url("/api/v1/task/" + id + "/files/upload"), "my voice.wav",
                TestAudio.toneWav(3.0, 44100)));
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        assertThat(json(upload).get("filename")).asString().endsWith(".wav").doesNotContain("my voice");
        assertThat(json(upload).get("original_filename")).isEqualTo("my voice.wav");

        var step = post("/api/v1/task/" + id + "/step/convert_audio", "{\"params\": {}}");
        assertThat(step.statusCode()).as(step.body()).isEqualTo(200);
        assertThat(json(step)).containsKey("message");

        Map<String, Object> polled = pollUntilDone(id);
        assertThat(polled.get("status")).as("task %s", polled).isEqualTo("completed");
        assertThat((Double) polled.get("progress")).isGreaterThan(0.0);
        assertThat(polled.get("current_step")).isEqualTo("convert_audio");

        var logs = get("/api/v1/task/" + id + "/logs");
        assertThat(logs.statusCode()).isEqualTo(200);
        assertThat((String) json(logs).get("logs")).contains("convert_audio");

        String uploaded = (String) json(upload).get("filename");
        var download = send(HttpRequest.newBuilder(URI.create(url("/api/v1/task/" + id + "/files/download/" + uploaded)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).hasSize(TestAudio.toneWav(3.0, 44100).length);

        var converted = get("/api/v1/task/" + id + "/files?dir=converted");
        assertThat(converted.body()).contains("converted/");

        assertThat(get("/api/v1/tasks").body()).contains(id);
        assertThat(post("/api/v1/task/" + id + "/cancel", "").statusCode()).isEqualTo(200);
        assertThat(delete("/api/v1/task/" + id).statusCode()).isEqualTo(200);
        var gone = get("/api/v1/task/" + id);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(json(gone)).containsKeys("detail", "code");
        assertThat(DATA_DIR.resolve("tasks").resolve(id)).doesNotExist();
    }

    @Test
    void noResponseShowsAnAbsoluteServerPath() {
        String id = (String) json(post("/api/v1/task/create", "{\"task_name\": \"paths\"}")).get("task_id");
        send(Multipart.upload(url("/api/v1/task/" + id + "/files/upload"), "a.wav", TestAudio.toneWav(1.0, 16000)));
        for (String path : List.of("/api/v1/task/" + id, "/api/v1/task/" + id + "/artifacts",
                "/api/v1/task/" + id + "/files", "/api/v1/task/" + id + "/events", "/api/v1/task/" + id + "/logs",
                "/api/v1/task/" + id + "/files/raw/../../etc/passwd")) {
            assertThat(get(path).body()).as(path).doesNotContain(DATA_DIR.toString());
        }
    }

    private Map<String, Object> pollUntilDone(String id) {
        long deadline = System.currentTimeMillis() + 60_000;
        Map<String, Object> task = json(get("/api/v1/task/" + id));
        while (!List.of("completed", "failed", "cancelled").contains(task.get("status"))
                && System.currentTimeMillis() < deadline) {
            sleep(200);
            task = json(get("/api/v1/task/" + id));
        }
        return task;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
