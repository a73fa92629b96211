package gsvtrainer.asr;

import java.nio.file.Path;

/**
 * What a backend made of one clip: its text, the language tag it was transcribed as, and a confidence
 * in 0..1 when the backend gives one; or, when it failed, why.
 */
record Transcription(Path clip, String text, String languageTag, Double confidence, String error) {

    static Transcription of(Path clip, String text, String languageTag, Double confidence) {
        return new Transcription(clip, text == null ? "" : text.strip(), languageTag, confidence, null);
    }

    static Transcription failed(Path clip, String error) {
        return new Transcription(clip, null, null, null, error);
    }

    boolean failed() {
        return error != null;
    }
}
