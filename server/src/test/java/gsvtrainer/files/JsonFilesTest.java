package gsvtrainer.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workspace JSON files: snake_case on disk, read back leniently. */
class JsonFilesTest {

    record Made(String sourceName, int clipCount) {
    }

    @TempDir
    Path dir;

    @Test
    void writesSnakeCaseIntoNewFoldersAndReadsItBack() throws IOException {
        Path file = dir.resolve("a/b/_report.json");

        JsonFiles.write(file, new Made("voice", 3));

        assertThat(Files.readString(file)).contains("\"source_name\"", "\"clip_count\"");
        assertThat(JsonFiles.read(file, Made.class)).contains(new Made("voice", 3));
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aMissingOrUnreadableFileReadsAsNone() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"source_name\": ");

        assertThat(JsonFiles.read(dir.resolve("none.json"), Made.class)).isEmpty();
        assertThat(JsonFiles.read(broken, Made.class)).isEqualTo(Optional.empty());
    }
}
