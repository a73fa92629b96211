package gsvtrainer.cli;

import gsvtrainer.client.ArtifactInfo;
import gsvtrainer.client.GsvTrainerClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code task download}: files by name, artifacts by id or by kind; with none of these, the trained
 * weights.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download task files by name, artifacts by id or kind (default: the trained weights).")
final class TaskDownloadCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "TASK_ID")
    String taskId;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILENAME", description = "A task file by name, as in the old API")
    List<String> filenames = new ArrayList<>();

    @Option(names = "--artifact", paramLabel = "ARTIFACT_ID", description = "An artifact by id (repeatable)")
    List<String> artifactIds = new ArrayList<>();

    @Option(names = "--kind", paramLabel = "KIND", description = "All artifacts of a kind, e.g. sovits_weight, gpt_weight, inference_audio (repeatable)")
    List<String> kinds = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = ".", description = "Directory to save into (default: current)")
    Path out;

    @Override
    int run(GsvTrainerClient client) {
        List<ArtifactInfo> artifacts = selectArtifacts(client);
        Path directory = mkdirs(out);
        Map<String, Path> saved = new LinkedHashMap<>();
        for (String filename : filenames) {
            try (Bar bar = Bar.bytes("download " + filename, 0)) {
                saved.put(filename, client.download(taskId, filename, directory.resolve(Path.of(filename).getFileName()),
                        (done, total) -> {
                            bar.maxHint(Math.max(total, done));
                            bar.stepTo(done);
                        }));
            }
        }
        List<Path> files = ArtifactDownloads.download(client, artifacts, directory);
        for (int i = 0; i < artifacts.size(); i++) {
            saved.put(artifacts.get(i).name(), files.get(i));
        }
        out().print(saved, () -> {
            if (saved.isEmpty()) {
                out().line("nothing to download");
            }
            saved.forEach((name, path) -> out().line(name + " -> " + path));
        });
        return ExitCodes.OK;
    }

    private List<ArtifactInfo> selectArtifacts(GsvTrainerClient client) {
        List<ArtifactInfo> artifacts = new ArrayList<>();
        if (artifactIds.isEmpty() && kinds.isEmpty() && !filenames.isEmpty()) {
            return artifacts;
        }
        List<ArtifactInfo> all = client.listArtifacts(taskId);
        List<String> unknown = artifactIds.stream().filter(id -> all.stream().noneMatch(a -> id.equals(a.artifactId()))).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no such artifact: " + String.join(", ", unknown));
        }
        all.stream().filter(a -> artifactIds.contains(a.artifactId())).forEach(artifacts::add);
        List<String> wanted = kinds.isEmpty() && artifactIds.isEmpty() ? ArtifactDownloads.WEIGHT_KINDS : kinds;
        ArtifactDownloads.latestOfKinds(all, wanted).stream().filter(a -> !artifacts.contains(a)).forEach(artifacts::add);
        return artifacts;
    }

    private static Path mkdirs(Path directory) {
        try {
            return java.nio.file.Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot create " + directory + ": " + e.getMessage());
        }
    }
}
