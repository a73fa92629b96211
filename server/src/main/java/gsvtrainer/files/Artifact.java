package gsvtrainer.files;

import java.time.Instant;
import java.util.Map;

/** A file of a task that clients list and download: an upload, a transcript, weights, audio. */
public record Artifact(String id, String taskId, String runId, String kind, String name, String path, long size,
                       String sha256, Map<String, Object> metadata, Instant createdAt) {
}
