package gsvtrainer.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.files.WorkspaceLocks;
import gsvtrainer.testsupport.ServerTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A transcript edit and the queueing of a run hold the same task lock, so an asr_transcribe cannot be
 * queued between an edit's check that no ASR is active and its write (the run would then overwrite
 * an edit the client was told had succeeded).
 */
class EditAgainstQueueTest extends ServerTest {

    private static final String CLIP = "a_0000000000_0000064000.wav";

    @Autowired
    WorkspaceLocks locks;

    @Test
    void aRunIsNotQueuedWhileAnEditHoldsTheTask() throws Exception {
        String task = taskWithTranscript("queue-waits");
        givenSucceeded(task, "convert_audio", "slice_audio", "denoise_audio");

        CompletableFuture<Integer> queued;
        synchronized (locks.of(task)) { // as an edit holds it, between its check and its write
            queued = CompletableFuture.supplyAsync(() -> post("/api/v1/task/" + task + "/step/asr_transcribe",
                    "{\"params\": {\"backend\": \"pocketsphinx\", \"language\": \"en\"}}").statusCode());
            Thread.sleep(500);
            assertThat(queued).as("queued while an edit held the task").isNotDone();
        }
        assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    }

    @Test
    void anEditWaitsWhileARunIsBeingQueued() throws Exception {
        String task = taskWithTranscript("edit-waits");

        CompletableFuture<HttpResponse<String>> edit;
        synchronized (locks.of(task)) { // as queueing a run holds it
            edit = CompletableFuture.supplyAsync(() -> send(HttpRequest.newBuilder(
                            URI.create(url("/api/v1/task/" + task + "/transcript/" + CLIP)))
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"text\": \"changed\"}")).build()));
            Thread.sleep(500);
            assertThat(edit).as("edited while a run was being queued").isNotDone();
        }
        assertThat(edit.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(Files.readString(transcript(task))).contains("|changed");
    }

    private String taskWithTranscript(String name) throws Exception {
        String task = createTask(name, Map.of());
        Files.createDirectories(transcript(task).getParent());
        Files.writeString(transcript(task), "sliced/" + CLIP + "|" + name + "|EN|a line\n");
        return task;
    }

    private static Path transcript(String task) {
        return DATA_DIR.resolve("tasks").resolve(task).resolve("asr").resolve("transcript.list");
    }
}
