package gsvtrainer.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** File chores shared by the audio steps: listing inputs, atomic writes, JSON reports. */
final class AudioFiles {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    /** Writes a file from its temporary sibling. */
    interface Writer {
        void write(Path temp) throws Exception;
    }

    private AudioFiles() {
    }

    /**
     * The regular files of {@code dir} ending with {@code suffix} (any when empty), by name, without
     * hidden files and our own {@code _report.json}-style files.
     */
    static List<Path> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith(".") && !f.getFileName().toString().startsWith("_"))
                    .filter(f -> f.getFileName().toString().toLowerCase().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    /**
     * Deletes the temporary files a killed run left in {@code dir} (hidden, ending in {@code .tmp}:
     * what {@link #writeAtomically} and the converter write before moving into place); a step calls
     * this before writing there, when no other run of it can be writing.
     */
    static void removeLeftovers(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(".")
                    && f.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The file name without its last extension. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Writes {@code target} through a temporary file in the same folder, moved into place atomically. */
    static void writeAtomically(Path target, Writer writer) throws Exception {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            writer.write(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A JSON file an earlier run wrote, such as the record of what it was made with; empty when there
     * is none or it cannot be read, and the work it describes is to be done again.
     */
    static <T> Optional<T> readJson(Path file, Class<T> type) {
        try {
            return Files.exists(file) ? Optional.of(JSON.readValue(file.toFile(), type)) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static void writeJson(Path target, Object value) throws Exception {
        Files.createDirectories(target.toAbsolutePath().getParent());
        writeAtomically(target, temp -> JSON.writeValue(temp.toFile(), value));
    }

    /** Writes the first {@code length} samples of a 16-bit clip as a mono WAV, atomically. */
    static void writeWav(Path target, short[] pcm, int length, int sampleRate) throws Exception {
        writeAtomically(target, temp -> WavWriter.writeMono(temp, pcm, length, sampleRate));
    }

    /** Writes a mono 16-bit WAV clip atomically. */
    static void writeWav(Path target, float[] samples, int sampleRate) throws Exception {
        writeAtomically(target, temp -> {
            try (WavWriter writer = new WavWriter(temp, sampleRate, 1)) {
                writer.write(samples, 0, samples.length);
            }
        });
    }
}
