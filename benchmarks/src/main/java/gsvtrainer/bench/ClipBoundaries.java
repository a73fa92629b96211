package gsvtrainer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The clips of a folder by the boundaries in their names ({@code <name>_<start:010d>_<end:010d>.wav},
 * samples at 32 kHz, as both upstream and this service name them), and how two such sets compare.
 */
record ClipBoundaries(List<long[]> clips) {

    private static final Pattern NAME = Pattern.compile("_(\\d{10})_(\\d{10})\\.wav$");
    private static final double SAMPLES_PER_MS = 32.0;

    /** How {@code ours} matches {@code theirs}: clips whose both boundaries lie within {@code toleranceMs}. */
    record Comparison(int ours, int theirs, int matched, double maxDiffMs, double toleranceMs) {
    }

    static ClipBoundaries in(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return new ClipBoundaries(files.map(f -> NAME.matcher(f.getFileName().toString()))
                    .filter(Matcher::find)
                    .map(m -> new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))})
                    .sorted(Comparator.comparingLong(c -> c[0])).toList());
        }
    }

    double seconds() {
        return clips.stream().mapToLong(c -> c[1] - c[0]).sum() / 32000.0;
    }

    /**
     * Pairs every clip of {@code theirs} with the clip of this set whose start is nearest; the largest
     * boundary difference is over those pairs.
     */
    Comparison against(ClipBoundaries theirs, double toleranceMs) {
        TreeMap<Long, long[]> byStart = new TreeMap<>();
        clips.forEach(c -> byStart.put(c[0], c));
        int matched = 0;
        double maxDiff = 0;
        for (long[] their : theirs.clips) {
            long[] ours = nearest(byStart, their[0]);
            if (ours == null) {
                continue;
            }
            double diff = Math.max(Math.abs(ours[0] - their[0]), Math.abs(ours[1] - their[1])) / SAMPLES_PER_MS;
            maxDiff = Math.max(maxDiff, diff);
            if (diff <= toleranceMs) {
                matched++;
            }
        }
        return new Comparison(clips.size(), theirs.clips.size(), matched, maxDiff, toleranceMs);
    }

    private static long[] nearest(TreeMap<Long, long[]> byStart, long start) {
        var below = byStart.floorEntry(start);
        var above = byStart.ceilingEntry(start);
        if (below == null || above == null) {
            return below == null ? (above == null ? null : above.getValue()) : below.getValue();
        }
        return start - below.getKey() <= above.getKey() - start ? below.getValue() : above.getValue();
    }
}
