package gsvtrainer.audio;

import java.nio.file.Path;

/**
 * A file that cannot be used as audio, with a machine-readable {@link Reason}. The message names the
 * file (its base name only, never a server path) and says why.
 */
public class BadAudioException extends Exception {

    /** Why a file was rejected. */
    public enum Reason {
        EMPTY_FILE("empty_file", "the file is empty"),
        NOT_AUDIO("not_audio", "not a readable audio file"),
        TOO_SHORT("too_short", "decodes to (almost) no audio"),
        TRUNCATED("truncated", "shorter than its header says (truncated or corrupt)"),
        DECODE_ERROR("decode_error", "decoding failed part-way");

        private final String code;
        private final String description;

        Reason(String code, String description) {
            this.code = code;
            this.description = description;
        }

        public String code() { return code; }
        public String description() { return description; }
    }

    private final String fileName;
    private final Reason reason;

    public BadAudioException(Path file, Reason reason, String detail) {
        this(file, reason, detail, null);
    }

    public BadAudioException(Path file, Reason reason, String detail, Throwable cause) {
        super(file.getFileName() + ": " + reason.description() + (detail == null ? "" : " (" + detail + ")"), cause);
        this.fileName = file.getFileName().toString();
        this.reason = reason;
    }

    public String fileName() { return fileName; }
    public Reason reason() { return reason; }
}
