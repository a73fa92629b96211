package gsvtrainer.audio;

/**
 * A clip of a source as sample positions {@code [start, end)}. As in upstream, the end of the last
 * clip may lie past the end of the audio (it is rounded up to whole hops); readers clamp it.
 */
public record ClipSpan(long start, long end) {

    public ClipSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad clip span " + start + ".." + end);
        }
    }

    public long length() {
        return end - start;
    }
}
