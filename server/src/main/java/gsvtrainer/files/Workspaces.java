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
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Finds and removes task workspaces under the data dir. */
@Component
public class Workspaces {

    /** The name prefix of a workspace moved away to be deleted. */
    static final String DETACHED = ".deleting-";

    private static final Logger log = LoggerFactory.getLogger(Workspaces.class);

    private final Path tasksDir;

    public Workspaces(GsvSettings settings) {
        this.tasksDir = settings.tasksDir();
    }

    /** Deletes what deletions moved away but could not delete (the server stopped, a file was busy). */
    @EventListener(ApplicationReadyEvent.class)
    public void purgeLeftovers() {
        if (!Files.isDirectory(tasksDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(tasksDir)) {
            for (Path detached : entries.filter(p -> p.getFileName().toString().startsWith(DETACHED)).toList()) {
                try {
                    purge(detached);
                } catch (IOException e) {
                    log.warn("could not delete the removed workspace {}: {}", detached, e.toString());
                }
            }
        } catch (IOException e) {
            log.warn("could not list {}: {}", tasksDir, e.toString());
        }
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
        Path away = tasksDir.resolve(DETACHED + taskId + "-" + Long.toHexString(System.nanoTime()));
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
