package gsvtrainer.audio;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts speech on silences with the decisions of upstream's {@code tools/slicer2.py} (an RMS gate with
 * minimum clip length, minimum silence, hop and maximum kept silence), then applies what upstream
 * lacks: clips over the maximum length are split at their quietest frame, clips under the minimum
 * length are dropped. Works on frame RMS values, so a long file is never held in memory.
 */
public final class Slicer {

    private final SliceAudioParams params;
    private final int sampleRate;
    private final double threshold;
    private final int hop;
    private final int window;
    private final int minLength;
    private final int minInterval;
    private final int maxSilKept;

    public Slicer(SliceAudioParams params, int sampleRate) {
        this.params = params;
        this.sampleRate = sampleRate;
        double minIntervalSamples = sampleRate * params.minInterval() / 1000.0;
        this.threshold = Math.pow(10, params.threshold() / 20.0);
        this.hop = (int) Math.rint(sampleRate * params.hopSize() / 1000.0);
        this.window = (int) Math.min(Math.rint(minIntervalSamples), 4L * hop);
        this.minLength = (int) Math.rint(sampleRate * params.minLength() / 1000.0 / hop);
        this.minInterval = (int) Math.rint(minIntervalSamples / hop);
        this.maxSilKept = (int) Math.rint(sampleRate * params.maxSilKept() / 1000.0 / hop);
    }

    /** The clips of a whole file: upstream's cuts, then the length limits. */
    public List<ClipSpan> slice(WavReader audio) throws IOException {
        return slice(new PcmSquareSums(audio, RmsFrames.blockLength(window, hop)));
    }

    /** The clips of a signal given by its block energies, which must {@linkplain #accepts tile} the frames. */
    List<ClipSpan> slice(SquareSums energy) throws IOException {
        double[] rms = RmsFrames.compute(energy, window, hop);
        List<ClipSpan> cuts = cuts(rms, energy.samples());
        return new ClipLengthLimits(sampleRate, hop, params.minClipSeconds(), params.maxClipSeconds())
                .apply(cuts, rms, energy.samples());
    }

    /** Whether {@code energy}'s blocks tile this slicer's RMS frames. */
    boolean accepts(SquareSums energy) {
        return RmsFrames.fits(energy, window, hop);
    }

    /** Upstream's cut decisions alone, from the frame RMS of a file of {@code samples} samples. */
    List<ClipSpan> cuts(double[] rms, long samples) {
        if (samples <= minLength) {
            return List.of(new ClipSpan(0, samples));
        }
        List<int[]> silences = new ArrayList<>();
        int silenceStart = -1;
        int clipStart = 0;
        for (int i = 0; i < rms.length; i++) {
            if (rms[i] < threshold) {
                if (silenceStart < 0) {
                    silenceStart = i;
                }
                continue;
            }
            if (silenceStart < 0) {
                continue;
            }
            boolean leading = silenceStart == 0 && i > maxSilKept;
            boolean middle = i - silenceStart >= minInterval && i - clipStart >= minLength;
            if (leading || middle) {
                int[] cut = cutSilence(rms, silenceStart, i);
                silences.add(cut);
                clipStart = cut[2];
            }
            silenceStart = -1;
        }
        int total = rms.length;
        if (silenceStart >= 0 && total - silenceStart >= minInterval) {
            int pos = argmin(rms, silenceStart, Math.min(total, silenceStart + maxSilKept) + 1);
            silences.add(new int[] {pos, total + 1});
        }
        return spansBetween(silences, total);
    }

    /** The part of silence {@code [start, end)} to remove, as {from, to, next clip start} frames. */
    private int[] cutSilence(double[] rms, int start, int end) {
        int length = end - start;
        if (length <= maxSilKept) {
            int pos = argmin(rms, start, end + 1);
            return new int[] {start == 0 ? 0 : pos, pos, pos};
        }
        int left = argmin(rms, start, start + maxSilKept + 1);
        int right = argmin(rms, end - maxSilKept, end + 1);
        if (start == 0) {
            return new int[] {0, right, right};
        }
        if (length <= 2 * maxSilKept) {
            int middle = argmin(rms, end - maxSilKept, start + maxSilKept + 1);
            return new int[] {Math.min(left, middle), Math.max(right, middle), Math.max(right, middle)};
        }
        return new int[] {left, right, right};
    }

    private List<ClipSpan> spansBetween(List<int[]> silences, int totalFrames) {
        List<ClipSpan> spans = new ArrayList<>();
        if (silences.isEmpty()) {
            spans.add(new ClipSpan(0, (long) totalFrames * hop));
            return spans;
        }
        addSpan(spans, 0, silences.get(0)[0]);
        for (int i = 0; i + 1 < silences.size(); i++) {
            addSpan(spans, silences.get(i)[1], silences.get(i + 1)[0]);
        }
        int lastEnd = silences.get(silences.size() - 1)[1];
        if (lastEnd < totalFrames) {
            addSpan(spans, lastEnd, totalFrames);
        }
        return spans;
    }

    private void addSpan(List<ClipSpan> spans, int fromFrame, int toFrame) {
        if (toFrame > fromFrame) {
            spans.add(new ClipSpan((long) fromFrame * hop, (long) toFrame * hop));
        }
    }

    /** Index of the first minimum in {@code rms[from, to)}, {@code to} clamped to the array. */
    static int argmin(double[] rms, int from, int to) {
        int best = from;
        for (int i = from + 1; i < Math.min(to, rms.length); i++) {
            if (rms[i] < rms[best]) {
                best = i;
            }
        }
        return best;
    }
}
