package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Small file helpers for step outputs. */
final class Outputs {

    private Outputs() {
    }

    /** Deletes files and folders (recursively) if present. */
    static void delete(Path... paths) throws IOException {
        for (Path path : paths) {
            if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (var walk = Files.walk(path)) {
                for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static void requireFiles(Path folder, String whyEmpty) throws StepFailure {
        try (var files = Files.list(folder)) {
            if (files.findAny().isPresent()) {
                return;
            }
        } catch (IOException e) {
            // missing folder: same failure
        }
        throw new StepFailure("no_features", whyEmpty);
    }

    static void requireExists(Path path, String step) throws StepFailure {
        if (!Files.exists(path)) {
            throw new StepFailure("features_missing", path.getFileName() + " is missing in the experiment folder: run "
                    + step + " first");
        }
    }
}
