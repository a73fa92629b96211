package gsvtrainer.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The small JSON files steps and the review keep in a workspace (reports, manifests, sidecars):
 * snake_case and indented, written {@linkplain AtomicFiles atomically}, and read leniently, as what
 * they hold can always be made again.
 */
public final class JsonFiles {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonFiles() {
    }

    /** The file's value; empty when there is no file or it cannot be read as a {@code type}. */
    public static <T> Optional<T> read(Path file, Class<T> type) {
        try {
            return Files.exists(file) ? Optional.of(MAPPER.readValue(file.toFile(), type)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes {@code value} atomically, making the folder where needed. */
    public static void write(Path file, Object value) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, temp -> MAPPER.writeValue(temp.toFile(), value));
    }
}
