package gsvtrainer.client;

/** A plain {@code {"message": ...}} answer, e.g. of {@code DELETE /task/{task_id}}. */
public record MessageResponse(String message) {
}
