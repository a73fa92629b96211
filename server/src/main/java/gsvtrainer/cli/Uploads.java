package gsvtrainer.cli;

import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.UploadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Uploads files one by one, each with its own progress bar. */
final class Uploads {

    private Uploads() {
    }

    /** Throws IllegalArgumentException naming the first file that is missing or not a regular file. */
    static void checkReadable(List<Path> files) {
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException("not a readable file: " + file);
            }
        }
    }

    static List<UploadResult> upload(GsvTrainerClient client, String taskId, List<Path> files) {
        List<UploadResult> results = new ArrayList<>();
        for (Path file : files) {
            try (Bar bar = Bar.bytes("upload " + file.getFileName(), size(file))) {
                results.add(client.uploadFile(taskId, file, (done, total) -> {
                    bar.maxHint(Math.max(total, done));
                    bar.stepTo(done);
                }));
            }
        }
        return results;
    }

    static Table table(List<UploadResult> results) {
        Table table = Table.of("FILE", "STORED AS", "SIZE", "DURATION");
        results.forEach(r -> table.row(r.originalFilename(), r.filename(), Formats.bytes(r.size()),
                r.durationSeconds() == null ? null : String.format(java.util.Locale.ROOT, "%.1fs", r.durationSeconds())));
        return table;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
