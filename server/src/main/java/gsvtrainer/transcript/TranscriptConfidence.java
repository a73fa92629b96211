package gsvtrainer.transcript;

import gsvtrainer.files.JsonFiles;
import gsvtrainer.pipeline.TaskWorkspace;
import java.io.IOException;
import java.nio.file.Path;
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

    /** The sidecar of a workspace; empty when there is none or it cannot be read (only the confidence column is lost). */
    public static TranscriptConfidence read(TaskWorkspace workspace) {
        return JsonFiles.read(file(workspace), TranscriptConfidence.class).orElse(new TranscriptConfidence(null, Map.of()));
    }

    public void write(TaskWorkspace workspace) throws IOException {
        JsonFiles.write(file(workspace), this);
    }

    public Double of(String clip) {
        return clips.get(clip);
    }
}
