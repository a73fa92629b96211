package gsvtrainer.audio;

/**
 * A clip of a source as sample positions {@code [start, end)}. As in upstream, the end of the last
 * clip may lie past the end of the audio (it is rounded up to whole hops); readers clamp it.
 * {@code split}: a part of a clip cut because it was over the maximum length.
 */
public record ClipSpan(long start, long end, boolean split) {

    public ClipSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad clip span " + start + ".." + end);
        }
    }

    /** A clip as the slicer cut it. */
    public ClipSpan(long start, long end) {
        this(start, end, false);
    }

    public long length() {
        return end - start;
    }
}
