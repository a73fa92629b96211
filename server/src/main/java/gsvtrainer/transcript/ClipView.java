package gsvtrainer.transcript;

/**
 * One clip of the transcript as the review shows it.
 *
 * @param audioUrl where to play the clip ({@code /api/v1/task/{id}/files/raw/...}); null when its
 *                 file is not in the task's workspace
 */
public record ClipView(String name, String text, String language, String speaker, Double durationSeconds,
                       Double confidence, String audioUrl) {
}
