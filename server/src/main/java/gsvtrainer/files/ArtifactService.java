package gsvtrainer.files;

import gsvtrainer.config.Ids;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Records files of a task's workspace as artifacts, with size and SHA-256. */
@Service
public class ArtifactService {

    private final ArtifactRepository artifacts;
    private final Workspaces workspaces;
    private final Clock clock;

    public ArtifactService(ArtifactRepository artifacts, Workspaces workspaces, Clock clock) {
        this.artifacts = artifacts;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /**
     * Registers the file at {@code relativePath} of the task's workspace. Returns empty when the path
     * is not a regular file inside the workspace.
     */
    public Optional<Artifact> register(String taskId, String runId, String kind, String relativePath,
                                       Map<String, Object> metadata) throws IOException {
        Path root = workspaces.of(taskId).root();
        Optional<Path> file = SafePaths.resolve(root, relativePath).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Artifact artifact = new Artifact(Ids.newId("a"), taskId, runId, kind, file.get().getFileName().toString(),
                relativePath, Files.size(file.get()), sha256(file.get()), metadata, clock.instant());
        artifacts.upsert(artifact);
        return Optional.of(artifact);
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
