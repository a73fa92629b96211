package gsvtrainer.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The small JSON files steps and the review keep in a workspace (reports, manifests, sidecars):
 * snake_case and indented, written through a hidden temporary sibling moved into place, so a reader
 * never sees half a file, and read leniently, as what they hold can always be made again.
 */
public final class JsonFiles {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** Writes a file from its temporary sibling. */
    public interface Writer {
        void write(Path temp) throws IOException;
    }

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
        writeAtomically(file, temp -> MAPPER.writeValue(temp.toFile(), value));
    }

    /**
     * Has {@code writer} write a hidden {@code .tmp} sibling of {@code target}, then moves it into
     * place; the sibling is gone either way.
     */
    public static void writeAtomically(Path target, Writer writer) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            writer.write(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
