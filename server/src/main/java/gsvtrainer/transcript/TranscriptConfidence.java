package gsvtrainer.transcript;

import gsvtrainer.config.Json;
import gsvtrainer.pipeline.TaskWorkspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sidecar of the transcript: which backend transcribed it and, per clip name, the backend's
 * confidence (0..1) where it gives one. Kept beside the list in {@code asr/transcript.confidence.json}.
 */
public record TranscriptConfidence(String backend, Map<String, Double> clips) {

    public TranscriptConfidence {
        clips = clips == null ? Map.of() : new LinkedHashMap<>(clips);
    }

    public static Path file(TaskWorkspace workspace) {
        return workspace.asr().resolve("transcript.confidence.json");
    }

    /** The sidecar of a workspace; empty when there is none or it cannot be read. */
    public static TranscriptConfidence read(TaskWorkspace workspace) {
        Path file = file(workspace);
        try {
            if (Files.exists(file)) {
                return Json.read(Files.readString(file, StandardCharsets.UTF_8), TranscriptConfidence.class);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable sidecar only loses the confidence column
        }
        return new TranscriptConfidence(null, Map.of());
    }

    public void write(TaskWorkspace workspace) throws IOException {
        Path file = file(workspace);
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, Json.write(this), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public Double of(String clip) {
        return clips.get(clip);
    }
}
