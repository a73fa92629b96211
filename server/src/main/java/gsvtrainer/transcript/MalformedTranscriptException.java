package gsvtrainer.transcript;

import java.io.IOException;

/** A {@code .list} that is not UTF-8 or has a line without {@code path|speaker|LANG|text}. */
public class MalformedTranscriptException extends IOException {

    public MalformedTranscriptException(String message) {
        super(message);
    }
}
