package gsvtrainer.transcript;

import java.util.List;

/** A page of the transcript, clips in list order; {@code page} counts from 0. */
public record TranscriptPage(int page, int size, int total, String reviewState, List<ClipView> clips) {
}
