package gsvtrainer.dataset;

import java.util.List;

/**
 * One clip in the dataset report: its measures (levels before the slicer's normalisation), its
 * transcript state ({@code present}, {@code empty}, {@code removed} from the list in review, or
 * {@code pending} before ASR), its speech rate, and the verdict with reasons and fixes applied.
 *
 * @param status {@code usable}, {@code warning} (usable, but check it) or {@code rejected}
 */
public record ClipReport(
        String name,
        Double durationSeconds,
        Double peakDbfs,
        Double rmsDbfs,
        Double clippingRatio,
        Double snrDb,
        String transcript,
        String language,
        Double speechRate,
        String speechRateUnit,
        String status,
        List<String> reasons,
        List<String> fixes) {

    public static final String USABLE = "usable";
    public static final String WARNING = "warning";
    public static final String REJECTED = "rejected";

    public ClipReport {
        reasons = List.copyOf(reasons);
        fixes = List.copyOf(fixes);
    }

    public boolean usable() {
        return !REJECTED.equals(status);
    }
}
