package gsvtrainer.upstream;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A run's own working directory in which upstream's relative paths resolve: a symlink to every
 * top-level entry of the checkout except those upstream writes into ({@code TEMP}, {@code logs},
 * weight folders, {@code output}). Upstream's save helpers write temporary files named from the clock
 * into the working directory, so two runs never share one.
 */
public record WorkingDir(Path dir) {

    private static final Set<String> WRITTEN_BY_UPSTREAM = Set.of("TEMP", "logs", "output");

    /** Creates (or refreshes) {@code runDir/upstream-cwd} for the checkout. */
    public static WorkingDir create(UpstreamCheckout checkout, Path runDir) throws IOException {
        Path dir = runDir.toAbsolutePath().resolve("upstream-cwd");
        Files.createDirectories(dir.resolve("TEMP"));
        try (var entries = Files.list(checkout.dir())) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                Path link = dir.resolve(name);
                if (isWrittenByUpstream(name) || Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Files.createSymbolicLink(link, entry);
            }
        }
        return new WorkingDir(dir);
    }

    static boolean isWrittenByUpstream(String name) {
        return WRITTEN_BY_UPSTREAM.contains(name) || name.startsWith("SoVITS_weights") || name.startsWith("GPT_weights")
                || name.startsWith(".");
    }

    public Path temp() {
        return dir.resolve("TEMP");
    }
}
