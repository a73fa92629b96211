package gsvtrainer.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written atomically is never seen half-written, and leaves no temporary sibling. */
class AtomicFilesTest {

    record Made(String sourceName, int clipCount) {
    }

    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryOne() throws IOException {
        Path file = dir.resolve("kept.json");
        JsonFiles.write(file, new Made("old", 1));

        assertThatThrownBy(() -> AtomicFiles.write(file, temp -> {
            Files.writeString(temp, "{\"half");
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(JsonFiles.read(file, Made.class)).contains(new Made("old", 1));
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }
}
