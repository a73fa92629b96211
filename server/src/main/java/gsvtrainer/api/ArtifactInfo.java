package gsvtrainer.api;

import gsvtrainer.files.Artifact;
import java.util.Map;

/** An artifact as the API shows it; {@code path} is relative to the task's workspace. */
public record ArtifactInfo(String artifactId, String taskId, String runId, String kind, String name, String path,
                           long size, String sha256, Map<String, Object> metadata, String createdAt,
                           String downloadUrl) {

    static ArtifactInfo of(Artifact a) {
        return new ArtifactInfo(a.id(), a.taskId(), a.runId(), a.kind(), a.name(), a.path(), a.size(), a.sha256(),
                a.metadata(), a.createdAt().toString(),
                "/api/v1/task/" + a.taskId() + "/artifacts/" + a.id() + "/download");
    }
}
