package gsvtrainer.transcript;

import gsvtrainer.files.JsonFiles;
import gsvtrainer.pipeline.TaskWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * The clips removed so far; none when the file is missing or unreadable (transcribing again then
     * brings them back, and review can remove them again).
     */
    public static RemovedClips read(TaskWorkspace workspace) {
        return JsonFiles.read(file(workspace), RemovedClips.class).orElse(new RemovedClips(Set.of()));
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
        JsonFiles.write(file(workspace), new RemovedClips(new TreeSet<>(names)));
    }

    /** Forgets every removal (a forced transcription starts over). */
    public static void clear(TaskWorkspace workspace) throws IOException {
        Files.deleteIfExists(file(workspace));
    }
}
