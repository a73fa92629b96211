package gsvtrainer.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gsvtrainer.errors.ServiceException;
import gsvtrainer.testsupport.ServerTest;
import gsvtrainer.testsupport.TestAudio;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task deleted while one of its uploads comes in: the deletion succeeds and removes everything, and
 * the upload ends with task_not_found instead of a server error or a file left behind.
 */
class UploadDuringDeletionTest extends ServerTest {

    @Autowired
    UploadService uploads;

    private final byte[] wav = TestAudio.toneWav(2, 16000);

    @Test
    void aTaskDeletedWhileItsUploadIsWrittenIsGoneWithItAndTheUploadFailsCleanly() {
        String task = createTask("deleted-while-writing", Map.of());
        int[] deleteStatus = new int[1];

        assertThatThrownBy(() -> uploads.store(task, "voice.wav", wav.length, part -> {
            Files.write(part, wav);
            deleteStatus[0] = delete("/api/v1/task/" + task).statusCode();
        })).isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("task_not_found"));

        assertThat(deleteStatus[0]).isEqualTo(200);
        assertThat(get("/api/v1/task/" + task).statusCode()).isEqualTo(404);
        assertThat(DATA_DIR.resolve("tasks").resolve(task)).doesNotExist();
        assertNoDetachedWorkspaceLeft();
    }

    @Test
    void anUploadThatStartsAfterItsTaskIsDeletedLeavesNoFolderBehind() {
        String task = createTask("deleted-before-writing", Map.of());
        assertThat(delete("/api/v1/task/" + task).statusCode()).isEqualTo(200);

        assertThatThrownBy(() -> uploads.store(task, "voice.wav", wav.length, part -> Files.write(part, wav)))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("task_not_found"));
        assertThatThrownBy(() -> uploads.store(task, "text.wav", 5, part -> Files.writeString(part, "hello")))
                .as("not audio either, but the task's absence is what the caller needs to hear")
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("task_not_found"));

        assertThat(DATA_DIR.resolve("tasks").resolve(task)).doesNotExist();
    }

    private static void assertNoDetachedWorkspaceLeft() {
        try (Stream<Path> entries = Files.list(DATA_DIR.resolve("tasks"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".deleting-"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
