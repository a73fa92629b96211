package gsvtrainer.transcript;

/** A review's change to one clip: new text and/or language (null leaves it as it is). */
public record ClipEdit(String text, String language) {
}
