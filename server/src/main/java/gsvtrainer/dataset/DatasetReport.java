package gsvtrainer.dataset;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a task's clips are worth for training: every clip with its verdict, the clips grouped as
 * rejected / warning / fixed with their reasons, and totals.
 *
 * @param transcript {@code present} once ASR wrote a transcript, else {@code none}
 */
public record DatasetReport(String transcript, Totals totals, List<Issue> rejected, List<Issue> warnings,
                            List<Issue> fixed, List<ClipReport> clips) {

    /** A clip and why it is in a group. */
    public record Issue(String clip, List<String> reasons) {
    }

    /** One bar of the length histogram: clips of {@code from} seconds up to {@code to} (open when null). */
    public record Bucket(String range, double fromSeconds, Double toSeconds, int count) {
    }

    public record Totals(int clipCount, int usableClips, int warningClips, int rejectedClips, double totalMinutes,
                         double usableMinutes, List<Bucket> lengthHistogram) {
    }

    /** Names of the clips training may use. */
    public Set<String> usableClips() {
        return clips.stream().filter(ClipReport::usable).map(ClipReport::name).collect(Collectors.toSet());
    }
}
