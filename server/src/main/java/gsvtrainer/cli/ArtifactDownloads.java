package gsvtrainer.cli;

import gsvtrainer.client.ArtifactInfo;
import gsvtrainer.client.GsvTrainerClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Picks a task's artifacts by kind and downloads them into a directory, each with a progress bar. */
final class ArtifactDownloads {

    static final List<String> WEIGHT_KINDS = List.of("sovits_weight", "gpt_weight");

    private ArtifactDownloads() {
    }

    /** The artifacts of the given kinds; of several with the same kind and name, the newest. */
    static List<ArtifactInfo> latestOfKinds(List<ArtifactInfo> artifacts, Collection<String> kinds) {
        Map<String, ArtifactInfo> newest = new LinkedHashMap<>();
        artifacts.stream()
                .filter(a -> kinds.contains(a.kind()))
                .sorted(Comparator.comparing(a -> a.createdAt() == null ? Instant.EPOCH : a.createdAt()))
                .forEach(a -> newest.put(a.kind() + "/" + a.name(), a));
        return new ArrayList<>(newest.values());
    }

    /** The newest artifact of each of {@code kinds}: the final weights, not every checkpoint saved on the way. */
    static List<ArtifactInfo> newestPerKind(List<ArtifactInfo> artifacts, Collection<String> kinds) {
        Map<String, ArtifactInfo> newest = new LinkedHashMap<>();
        for (ArtifactInfo artifact : latestOfKinds(artifacts, kinds)) {
            newest.put(artifact.kind(), artifact);
        }
        return new ArrayList<>(newest.values());
    }

    /** Downloads each artifact into {@code directory} under its own name; returns the files written. */
    static List<Path> download(GsvTrainerClient client, List<ArtifactInfo> artifacts, Path directory) {
        List<Path> written = new ArrayList<>();
        for (ArtifactInfo artifact : artifacts) {
            long size = artifact.size() == null ? 0 : artifact.size();
            try (Bar bar = Bar.bytes("download " + artifact.name(), size)) {
                written.add(client.downloadArtifact(artifact, directory, (done, total) -> {
                    if (total > 0) {
                        bar.maxHint(total);
                    }
                    bar.stepTo(done);
                }));
            }
        }
        return written;
    }

    static Table table(List<ArtifactInfo> artifacts, List<Path> files) {
        Table table = Table.of("KIND", "NAME", "SIZE", "SAVED TO");
        for (int i = 0; i < artifacts.size(); i++) {
            ArtifactInfo a = artifacts.get(i);
            table.row(a.kind(), a.name(), Formats.bytes(a.size()), i < files.size() ? files.get(i) : null);
        }
        return table;
    }
}
