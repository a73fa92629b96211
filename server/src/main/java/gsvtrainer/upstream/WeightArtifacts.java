package gsvtrainer.upstream;

import gsvtrainer.pipeline.RunReporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reports each weight file a training run saves as an artifact, with the epoch and step read from
 * upstream's file name ({@code <name>_e<E>_s<S>.pth}, {@code <name>-e<E>.ckpt}) and the latest metrics.
 */
final class WeightArtifacts {

    static final Pattern SOVITS = Pattern.compile(".*_e(\\d+)_s(\\d+)(?:_l(\\d+))?\\.pth$");
    static final Pattern GPT = Pattern.compile(".*-e(\\d+)\\.ckpt$");

    private final Path dir;
    private final String kind;
    private final Pattern names;
    private final RunReporter reporter;
    private final Supplier<Map<String, Object>> latest;
    private final long notBefore;
    private final Set<Path> reported = new HashSet<>();

    WeightArtifacts(Path dir, String kind, Pattern names, RunReporter reporter, Supplier<Map<String, Object>> latest) {
        this.dir = dir;
        this.kind = kind;
        this.names = names;
        this.reporter = reporter;
        this.latest = latest;
        this.notBefore = System.currentTimeMillis() - 2000;
    }

    /**
     * Until the returned guard is closed, a shutdown of this process (the SIGTERM of a cancel) still
     * reports the weights saved so far: upstream may have written one moments before the cancel.
     * Closing the guard reports them too, however training ended, and only then removes the hook: a
     * shutdown that begins during that last scan waits for the hook, which waits for the scan, so the
     * process cannot end half-way through reporting.
     */
    Guard reportOnShutdown() {
        Thread hook = new Thread(() -> {
            try {
                scan();
            } catch (IOException | RuntimeException e) {
                // the process is going away; what was reported stays
            }
        }, "weights-on-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                scanQuietly();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook runs
                }
            }
        };
    }

    /** Closes without checked exceptions. */
    interface Guard extends AutoCloseable {
        @Override
        void close();
    }

    /** {@link #scan()} where an error must not hide the one already on its way (a finally block). */
    void scanQuietly() {
        try {
            scan();
        } catch (IOException | RuntimeException e) {
            reporter.log("warn", "could not look for saved weights: " + e.getMessage());
        }
    }

    /** Reports the weights saved since this run started that were not reported yet; returns how many. */
    synchronized int scan() throws IOException {
        int found = 0;
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                Matcher m = names.matcher(file.getFileName().toString());
                if (!m.matches() || reported.contains(file)
                        || Files.getLastModifiedTime(file).toMillis() < notBefore) {
                    continue;
                }
                reported.add(file);
                Map<String, Object> metadata = new LinkedHashMap<>(latest.get());
                metadata.put("epoch", Integer.parseInt(m.group(1)));
                if (m.groupCount() >= 2 && m.group(2) != null) {
                    metadata.put("step", Long.parseLong(m.group(2)));
                }
                reporter.artifact(kind, file, metadata);
                found++;
            }
        }
        return found;
    }
}
