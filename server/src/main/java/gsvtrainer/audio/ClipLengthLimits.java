package gsvtrainer.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps clips within a length range: a clip over the maximum is split at its quietest frame, so that
 * the parts fit the maximum where two can and keep at least the minimum length, recursively; a clip
 * under the minimum is dropped. Upstream's training drops clips over 54 s and its bucket sampler those over 38 s.
 */
final class ClipLengthLimits {

    private final int hop;
    private final long minSamples;
    private final long maxSamples;
    private final long margin;

    ClipLengthLimits(int sampleRate, int hop, double minSeconds, double maxSeconds) {
        this.hop = hop;
        this.minSamples = Math.round(minSeconds * sampleRate);
        this.maxSamples = Math.round(maxSeconds * sampleRate);
        this.margin = Math.min(Math.max(minSamples, sampleRate / 2), maxSamples / 2);
    }

    List<ClipSpan> apply(List<ClipSpan> spans, double[] rms, long totalSamples) {
        List<ClipSpan> kept = new ArrayList<>();
        for (ClipSpan span : spans) {
            split(span, rms, totalSamples, kept);
        }
        kept.removeIf(span -> Math.min(span.end(), totalSamples) - span.start() < minSamples);
        return kept;
    }

    private void split(ClipSpan span, double[] rms, long totalSamples, List<ClipSpan> out) {
        long length = Math.min(span.end(), totalSamples) - span.start();
        if (length <= maxSamples) {
            out.add(span);
            return;
        }
        long cut = quietestCut(span.start(), span.start() + length, rms);
        split(new ClipSpan(span.start(), cut, true), rms, totalSamples, out);
        split(new ClipSpan(cut, span.end(), true), rms, totalSamples, out);
    }

    /**
     * The centre of the quietest frame where both parts fit the maximum (and keep {@code margin});
     * when the clip is too long for two parts, the first part takes half to all of the maximum.
     */
    private long quietestCut(long start, long end, double[] rms) {
        long from = Math.max(start + margin, end - maxSamples);
        long to = Math.min(end - margin, start + maxSamples);
        if (from > to) {
            from = start + Math.max(margin, maxSamples / 2);
            to = start + maxSamples;
        }
        int first = (int) ((from + hop - 1) / hop);
        int last = (int) (to / hop);
        if (last < first) {
            return (start + end) / 2;
        }
        return (long) Slicer.argmin(rms, first, last + 1) * hop;
    }
}
