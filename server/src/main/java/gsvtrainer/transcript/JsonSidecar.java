package gsvtrainer.transcript;

import gsvtrainer.config.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A small JSON file kept beside the transcript: read leniently, written atomically. */
final class JsonSidecar {

    private JsonSidecar() {
    }

    /** The file's value; {@code missing} when there is no file or it cannot be read. */
    static <T> T read(Path file, Class<T> type, T missing) {
        try {
            if (Files.exists(file)) {
                return Json.read(Files.readString(file, StandardCharsets.UTF_8), type);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable sidecar counts as none; what it held is only a convenience
        }
        return missing;
    }

    /** Writes {@code value} through a temporary file in the same folder, moved into place. */
    static void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, Json.write(value), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
