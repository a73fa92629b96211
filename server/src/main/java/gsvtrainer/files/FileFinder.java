package gsvtrainer.files;

import gsvtrainer.errors.ServiceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Finds downloadable files of a task: by name (the old service's download), by relative path, or
 * by listing a folder. Only regular files inside the task's workspace, never run internals.
 */
@Component
public class FileFinder {

    private static final List<String> SEARCHED = List.of("weights/sovits", "weights/gpt", "inference", "asr",
            "converted", "denoised", "sliced", "uploads");

    private final Workspaces workspaces;
    private final ArtifactRepository artifacts;

    public FileFinder(Workspaces workspaces, ArtifactRepository artifacts) {
        this.workspaces = workspaces;
        this.artifacts = artifacts;
    }

    public Path byName(String taskId, String name) {
        if (!SafePaths.isPlainName(name)) {
            throw ServiceException.badRequest("path_not_allowed", "a file name must not contain path separators");
        }
        Path root = workspaces.of(taskId).root();
        Optional<String> fromArtifacts = artifacts.findByTask(taskId).stream()
                .sorted(Comparator.comparing(Artifact::createdAt).reversed())
                .filter(a -> a.name().equals(name) || name.equals(a.metadata().get("original_filename")))
                .map(Artifact::path).findFirst();
        if (fromArtifacts.isPresent()) {
            return byPath(taskId, fromArtifacts.get());
        }
        for (String dir : SEARCHED) {
            Optional<Path> file = SafePaths.resolve(root, dir + "/" + name).filter(Files::isRegularFile);
            if (file.isPresent()) {
                return file.get();
            }
        }
        throw ServiceException.notFound("file_not_found", "no file named '" + name + "' in this task");
    }

    public Path byPath(String taskId, String relative) {
        Path root = workspaces.of(taskId).root();
        if (relative.startsWith("runs/") || relative.equals("runs")) {
            throw ServiceException.notFound("file_not_found", "no file at '" + relative + "'");
        }
        Path file = SafePaths.resolve(root, relative).orElseThrow(() ->
                ServiceException.badRequest("path_not_allowed", "the path must stay inside the task's workspace"));
        if (!Files.isRegularFile(file) || file.getFileName().toString().startsWith(".")) {
            throw ServiceException.notFound("file_not_found", "no file at '" + relative + "'");
        }
        return file;
    }

    public List<Map<String, Object>> list(String taskId, String dir) {
        Path root = workspaces.of(taskId).root();
        Path folder = dir.isEmpty() ? root : SafePaths.resolve(root, dir).orElseThrow(() ->
                ServiceException.badRequest("path_not_allowed", "the folder must stay inside the task's workspace"));
        return list(root, folder, 1);
    }

    private List<Map<String, Object>> list(Path root, Path folder, int attempt) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        // plain files only, never through a link (a link's target may lie outside the workspace); a file a
        // step deletes while the listing walks is left out, not a 500
        try (Stream<Path> files = Files.walk(folder, 3)) {
            return files.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> !isRuns(root.relativize(f)))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted()
                    .limit(10_000)
                    .map(f -> {
                        Map<String, Object> entry = new LinkedHashMap<>();
                        entry.put("path", root.relativize(f).toString());
                        entry.put("size", size(f));
                        return entry;
                    }).filter(e -> (long) e.get("size") >= 0).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof java.nio.file.NoSuchFileException && attempt < 3) {
                return list(root, folder, attempt + 1);
            }
            throw e;
        }
    }

    /** Run folders (logs, specs, scratch) are not workspace files; named in any case. */
    private static boolean isRuns(Path relative) {
        return relative.getNameCount() > 1 && relative.getName(0).toString().equalsIgnoreCase("runs");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
