package gsvtrainer.api;

import gsvtrainer.auth.ApiKeyFilter;
import gsvtrainer.auth.Caller;
import gsvtrainer.errors.ServiceException;
import gsvtrainer.files.Artifact;
import gsvtrainer.files.ArtifactRepository;
import gsvtrainer.files.FileFinder;
import gsvtrainer.files.UploadService;
import gsvtrainer.task.Task;
import gsvtrainer.task.TaskService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Uploads, downloads, workspace files and artifacts of a task. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "files")
class FileController {

    private final TaskService tasks;
    private final UploadService uploads;
    private final ArtifactRepository artifacts;
    private final FileFinder finder;

    FileController(TaskService tasks, UploadService uploads, ArtifactRepository artifacts, FileFinder finder) {
        this.tasks = tasks;
        this.uploads = uploads;
        this.artifacts = artifacts;
        this.finder = finder;
    }

    @PostMapping(value = "/task/{taskId}/files/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload an audio file (kept under a server-chosen name)")
    Map<String, Object> upload(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId,
                               @RequestPart("file") MultipartFile file) throws IOException {
        Task task = tasks.require(caller, taskId);
        UploadService.Upload upload = uploads.store(task.id(), file.getOriginalFilename(), file.getSize(), file::transferTo);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("filename", upload.artifact().name());
        answer.put("original_filename", upload.originalName());
        answer.put("size", upload.artifact().size());
        answer.put("duration_seconds", upload.audio().durationSeconds());
        answer.put("artifact_id", upload.artifact().id());
        answer.put("message", "uploaded " + upload.originalName());
        return answer;
    }

    @GetMapping("/task/{taskId}/files/download/{filename}")
    @Operation(summary = "Download a file of the task by its name (uploads, audio, transcript, weights)")
    ResponseEntity<Resource> download(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller,
                                      @PathVariable String taskId, @PathVariable String filename) {
        Task task = tasks.require(caller, taskId);
        return send(finder.byName(task.id(), filename));
    }

    @GetMapping("/task/{taskId}/files")
    @Operation(summary = "List the files of a workspace folder")
    List<Map<String, Object>> list(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId,
                                   @RequestParam(defaultValue = "") String dir) {
        Task task = tasks.require(caller, taskId);
        return finder.list(task.id(), dir);
    }

    @GetMapping("/task/{taskId}/files/raw/**")
    @Operation(summary = "Download a workspace file by its relative path")
    ResponseEntity<Resource> raw(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId,
                                 HttpServletRequest request) {
        Task task = tasks.require(caller, taskId);
        String prefix = "/api/v1/task/" + taskId + "/files/raw/";
        String uri = request.getRequestURI();
        if (!uri.startsWith(prefix)) {
            throw ServiceException.badRequest("path_not_allowed", "bad path");
        }
        String encoded = uri.substring(prefix.length());
        if (encoded.toLowerCase().contains("%2f") || encoded.toLowerCase().contains("%5c")
                || encoded.contains("%00") || encoded.toLowerCase().contains("%2e")) {
            throw ServiceException.badRequest("path_not_allowed", "encoded separators or dots are not allowed in paths");
        }
        String relative = java.net.URLDecoder.decode(encoded, java.nio.charset.StandardCharsets.UTF_8);
        return send(finder.byPath(task.id(), relative));
    }

    @GetMapping("/task/{taskId}/artifacts")
    @Operation(summary = "The task's artifacts: uploads, transcripts, weights, audio")
    List<ArtifactInfo> artifacts(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller, @PathVariable String taskId) {
        Task task = tasks.require(caller, taskId);
        return artifacts.findByTask(task.id()).stream().map(ArtifactInfo::of).toList();
    }

    @GetMapping("/task/{taskId}/artifacts/{artifactId}/download")
    @Operation(summary = "Download one artifact")
    ResponseEntity<Resource> downloadArtifact(@RequestAttribute(ApiKeyFilter.CALLER) Caller caller,
                                              @PathVariable String taskId, @PathVariable String artifactId) {
        Task task = tasks.require(caller, taskId);
        Artifact artifact = artifacts.find(task.id(), artifactId)
                .orElseThrow(() -> ServiceException.notFound("file_not_found", "artifact " + artifactId + " not found"));
        return send(finder.byPath(task.id(), artifact.path()));
    }

    private static ResponseEntity<Resource> send(Path file) {
        MediaType type = MediaTypeFactory.getMediaType(file.getFileName().toString())
                .orElse(MediaType.APPLICATION_OCTET_STREAM);
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.getFileName().toString()).build().toString())
                .body(new FileSystemResource(file));
    }
}
