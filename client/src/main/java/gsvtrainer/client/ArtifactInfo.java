package gsvtrainer.client;

import java.time.Instant;
import java.util.Map;

/** A file a run produced or an upload, with its kind ({@code sovits_weight}, {@code gpt_weight}, ...). */
public record ArtifactInfo(
        String artifactId,
        String taskId,
        String runId,
        String kind,
        String name,
        String path,
        Long size,
        String sha256,
        Map<String, Object> metadata,
        Instant createdAt) {

    public ArtifactInfo {
        metadata = metadata == null ? Map.of() : metadata;
    }
}
