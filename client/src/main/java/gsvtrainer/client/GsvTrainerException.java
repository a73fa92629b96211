package gsvtrainer.client;

/**
 * A call to the gsv-trainer server failed: either it answered with a non-2xx status (then {@link #status()},
 * {@link #code()} and {@link #detail()} come from its problem document) or no answer came
 * ({@link #status()} is 0 and the cause says why).
 */
public class GsvTrainerException extends RuntimeException {

    private final int status;
    private final String code;
    private final String detail;

    public GsvTrainerException(int status, String code, String detail) {
        super(describe(status, code, detail));
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    public GsvTrainerException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.code = null;
        this.detail = message;
    }

    /** The HTTP status, 0 when the server could not be reached or the exchange broke off. */
    public int status() {
        return status;
    }

    /** The machine-readable error code (e.g. {@code task_not_found}), null when the server sent none. */
    public String code() {
        return code;
    }

    /** The server's {@code detail} text (a list or object detail rendered as text). */
    public String detail() {
        return detail;
    }

    /** True when an HTTP answer came (status is set). */
    public boolean hasStatus() {
        return status > 0;
    }

    private static String describe(int status, String code, String detail) {
        StringBuilder text = new StringBuilder("HTTP ").append(status);
        if (code != null) {
            text.append(" [").append(code).append(']');
        }
        if (detail != null && !detail.isBlank()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }
}
