package gsvtrainer.pipeline;

/** An expected failure of a step, with a machine-readable code such as {@code no_usable_audio}. */
public class StepFailure extends Exception {

    private final String code;

    public StepFailure(String code, String message) {
        super(message);
        this.code = code;
    }

    public StepFailure(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
