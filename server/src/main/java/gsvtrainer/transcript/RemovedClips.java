package gsvtrainer.transcript;

import gsvtrainer.config.Json;
import gsvtrainer.pipeline.TaskWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;

/**
 * The clips removed from the transcript in review, by name, kept in {@code asr/transcript.removed.json}
 * so that transcribing again (without force) leaves them out instead of bringing them back.
 */
public record RemovedClips(Set<String> names) {

    public RemovedClips {
        names = names == null ? Set.of() : Set.copyOf(names);
    }

    public static Path file(TaskWorkspace workspace) {
        return workspace.asr().resolve("transcript.removed.json");
    }

    /** The clips removed so far; none when the file is missing or unreadable. */
    public static RemovedClips read(TaskWorkspace workspace) {
        Path file = file(workspace);
        try {
            if (Files.exists(file)) {
                return Json.read(Files.readString(file, StandardCharsets.UTF_8), RemovedClips.class);
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: transcribing again brings the removed clips back, which review can remove again
        }
        return new RemovedClips(Set.of());
    }

    public boolean contains(String clip) {
        return names.contains(clip);
    }

    public RemovedClips with(String clip) {
        Set<String> more = new TreeSet<>(names);
        more.add(clip);
        return new RemovedClips(more);
    }

    public void write(TaskWorkspace workspace) throws IOException {
        Path file = file(workspace);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, Json.write(new RemovedClips(new TreeSet<>(names))), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Forgets every removal (a forced transcription starts over). */
    public static void clear(TaskWorkspace workspace) throws IOException {
        Files.deleteIfExists(file(workspace));
    }
}
