package gsvtrainer.client;

/** A structured error of a task or step run: machine-readable code, human message, where it happened. */
public record ErrorInfo(String code, String message, String step, String runId) {

    /** "code: message", or whichever of the two is present. */
    public String summary() {
        if (code == null) {
            return message == null ? "" : message;
        }
        return message == null ? code : code + ": " + message;
    }
}
