package gsvtrainer.files;

import gsvtrainer.config.GsvSettings;
import gsvtrainer.pipeline.TaskWorkspace;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
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

    /** Removes the task's workspace: {@link #detach} then {@link #purge}. */
    public void delete(String taskId) throws IOException {
        Optional<Path> detached = detach(taskId);
        if (detached.isPresent()) {
            purge(detached.get());
        }
    }

    /**
     * Moves the task's workspace out of its place in one rename, so that nothing can be added to it by
     * its path any more (a file created after a recursive delete listed its folder would stop that
     * delete); returns where it went, or empty when there is none.
     */
    public Optional<Path> detach(String taskId) throws IOException {
        Path root = of(taskId).root();
        Path away = tasksDir.resolve(".deleting-" + taskId + "-" + Long.toHexString(System.nanoTime()));
        try {
            Files.move(root, away, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(away);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Deletes a detached workspace and everything in it. */
    public void purge(Path detached) throws IOException {
        Files.walkFileTree(detached, new SimpleFileVisitor<>() {
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
