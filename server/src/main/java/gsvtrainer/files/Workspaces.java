package gsvtrainer.files;

import gsvtrainer.config.GsvSettings;
import gsvtrainer.pipeline.TaskWorkspace;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.springframework.stereotype.Component;

/** Finds and removes task workspaces under the data dir. */
@Component
public class Workspaces {

    private final Path tasksDir;

    public Workspaces(GsvSettings settings) {
        this.tasksDir = settings.tasksDir();
    }

    public TaskWorkspace of(String taskId) {
        if (!taskId.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("bad task id");
        }
        return new TaskWorkspace(tasksDir.resolve(taskId));
    }

    public void delete(String taskId) throws IOException {
        Path root = of(taskId).root();
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
