package gsvtrainer.files;

import gsvtrainer.config.GsvSettings;
import gsvtrainer.config.Ids;
import gsvtrainer.errors.ServiceException;
import gsvtrainer.errors.ServiceException.Kind;
import gsvtrainer.events.EventLog;
import gsvtrainer.events.EventType;
import gsvtrainer.pipeline.TaskWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Keeps an uploaded audio file under a name the server chooses, after checking its size against the
 * task's limit and its content with FFmpeg. A refused upload leaves nothing behind.
 */
@Service
public class UploadService {

    public static final String KIND = "upload";
    static final Set<String> AUDIO_EXTENSIONS = Set.of("wav", "mp3", "m4a", "aac", "flac", "ogg", "oga", "opus",
            "wma", "webm", "mp4", "aif", "aiff", "caf", "amr");

    private final GsvSettings settings;
    private final Workspaces workspaces;
    private final ArtifactRepository artifacts;
    private final ArtifactService artifactService;
    private final AudioValidator validator;
    private final EventLog events;
    private final WorkspaceLocks locks;
    private final List<UploadListener> listeners;

    public UploadService(GsvSettings settings, Workspaces workspaces, ArtifactRepository artifacts,
                         ArtifactService artifactService, AudioValidator validator, EventLog events,
                         WorkspaceLocks locks, List<UploadListener> listeners) {
        this.settings = settings;
        this.workspaces = workspaces;
        this.artifacts = artifacts;
        this.artifactService = artifactService;
        this.validator = validator;
        this.events = events;
        this.locks = locks;
        this.listeners = List.copyOf(listeners);
    }

    /** An upload that was kept. */
    public record Upload(Artifact artifact, String originalName, AudioCheck audio) {
    }

    /** Where the upload's bytes come from: a multipart part that can move itself into place. */
    public interface Content {
        void writeTo(Path target) throws IOException;
    }

    /** The client's file name without any folder part; "upload" when it has none (blank, "/", a NUL). */
    static String baseName(String originalName) {
        if (originalName == null || originalName.indexOf('\0') >= 0) {
            return "upload";
        }
        String name = originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "upload" : name;
    }

    public Upload store(String taskId, String originalName, long size, Content content) throws IOException {
        String original = baseName(originalName);
        String extension = extension(original);
        if (!AUDIO_EXTENSIONS.contains(extension)) {
            throw new ServiceException(Kind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "'" + original + "' is not an audio file this service accepts (" + String.join(", ",
                            AUDIO_EXTENSIONS.stream().sorted().toList()) + ")");
        }
        long limit = settings.maxTaskUploadSize().toBytes();
        if (artifacts.totalSize(taskId, KIND) + Math.max(0, size) > limit) {
            throw new ServiceException(Kind.PAYLOAD_TOO_LARGE, "upload_too_large",
                    "the task's uploads would exceed " + settings.maxTaskUploadSize().toMegabytes() + " MB");
        }
        TaskWorkspace workspace = workspaces.of(taskId);
        Path dir = Files.createDirectories(workspace.uploads());
        String name = Ids.newId("u") + "." + extension;
        Path tmp = dir.resolve("." + name + ".part");
        try {
            long written;
            try {
                content.writeTo(tmp);
                written = Files.size(tmp);
            } catch (IOException e) {
                if (deletedMeanwhile(taskId)) {
                    throw taskGone(taskId);
                }
                throw e;
            }
            if (written == 0) {
                throw ServiceException.unprocessable("not_audio", "'" + original + "' is empty");
            }
            AudioCheck audio;
            try {
                audio = validator.check(tmp);
            } catch (AudioValidator.NotAudioException e) {
                if (deletedMeanwhile(taskId)) {
                    throw taskGone(taskId);
                }
                throw ServiceException.unprocessable("not_audio", "'" + original + "' is not decodable audio: " + e.getMessage());
            }
            Path target = dir.resolve(name);
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("original_filename", original);
            metadata.put("duration_seconds", audio.durationSeconds());
            metadata.put("sample_rate", audio.sampleRate());
            metadata.put("channels", audio.channels());
            metadata.put("format", audio.format());
            Artifact artifact;
            // checked and counted as one step, so uploads in parallel cannot each fit and together overflow
            synchronized (locks.of(taskId)) {
                if (deletedMeanwhile(taskId)) {
                    throw taskGone(taskId);
                }
                if (artifacts.totalSize(taskId, KIND) + written > limit) {
                    throw new ServiceException(Kind.PAYLOAD_TOO_LARGE, "upload_too_large",
                            "the task's uploads would exceed " + settings.maxTaskUploadSize().toMegabytes() + " MB");
                }
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                try {
                    artifact = artifactService.register(taskId, null, KIND, "uploads/" + name, metadata).orElseThrow();
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(target); // not left in uploads/ uncounted, where steps would still read it
                    throw e;
                }
                events.record(taskId, null, "info", EventType.ARTIFACT, Map.of("kind", KIND, "name", name,
                        "original_filename", original, "size", artifact.size()));
                listeners.forEach(listener -> listener.uploaded(taskId));
            }
            return new Upload(artifact, original, audio);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Whether the task was deleted after the request found it. Its deletion removes the row and moves
     * the workspace away under the lock that commits hold, so under that lock this answer stands.
     */
    private boolean deletedMeanwhile(String taskId) {
        return !artifacts.ownerExists(taskId);
    }

    /**
     * The error for an upload whose task was deleted while it came in; removes what the upload made
     * again of the task's folder.
     */
    private ServiceException taskGone(String taskId) throws IOException {
        workspaces.delete(taskId);
        return ServiceException.notFound("task_not_found", "task " + taskId + " was deleted during the upload");
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
