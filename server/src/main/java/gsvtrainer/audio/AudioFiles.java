package gsvtrainer.audio;

import gsvtrainer.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** File chores shared by the audio steps: listing inputs, leftovers, atomic clip writes. */
final class AudioFiles {

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
     * what {@link AtomicFiles} and the converter write before moving into place); a step calls
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

    /** Writes the first {@code length} samples of a 16-bit clip as a mono WAV, atomically. */
    static void writeWav(Path target, short[] pcm, int length, int sampleRate) throws Exception {
        AtomicFiles.write(target, temp -> WavWriter.writeMono(temp, pcm, length, sampleRate));
    }

    /** Writes a mono 16-bit WAV clip atomically. */
    static void writeWav(Path target, float[] samples, int sampleRate) throws Exception {
        AtomicFiles.write(target, temp -> {
            try (WavWriter writer = new WavWriter(temp, sampleRate, 1)) {
                writer.write(samples, 0, samples.length);
            }
        });
    }
}
