package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a weight of the task: the one named, else the one saved last (then the highest epoch): after a
 * training forced to start again with fewer epochs, the older run's higher-epoch weights are not it.
 */
final class LatestWeight {

    private LatestWeight() {
    }

    static Path find(Path dir, Pattern names, String named, String kind) throws StepFailure, IOException {
        if (named != null) {
            Path file = dir.resolve(named);
            if (!Files.isRegularFile(file)) {
                throw new StepFailure("weight_not_found", kind + " weight " + named + " does not exist");
            }
            return file;
        }
        if (!Files.isDirectory(dir)) {
            throw new StepFailure("weight_not_found", "the task has no " + kind + " weight yet");
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> names.matcher(f.getFileName().toString()).matches())
                    .max(Comparator.<Path>comparingLong(LatestWeight::modified).thenComparingLong(f -> epoch(names, f)))
                    .orElseThrow(() -> new StepFailure("weight_not_found", "the task has no " + kind + " weight yet"));
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long epoch(Pattern names, Path file) {
        Matcher m = names.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : 0;
    }
}
