package gsvtrainer.errors;

/**
 * A request the service refuses, with a machine-readable code. The API maps each {@link Kind} to
 * one HTTP status in one place.
 */
public class ServiceException extends RuntimeException {

    /** The class of refusal. */
    public enum Kind {
        BAD_REQUEST, UNAUTHORIZED, NOT_FOUND, CONFLICT, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNPROCESSABLE,
        NOT_IMPLEMENTED, UNAVAILABLE
    }

    private final Kind kind;
    private final String code;

    public ServiceException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public static ServiceException notFound(String code, String message) {
        return new ServiceException(Kind.NOT_FOUND, code, message);
    }

    public static ServiceException conflict(String code, String message) {
        return new ServiceException(Kind.CONFLICT, code, message);
    }

    public static ServiceException unprocessable(String code, String message) {
        return new ServiceException(Kind.UNPROCESSABLE, code, message);
    }

    public static ServiceException badRequest(String code, String message) {
        return new ServiceException(Kind.BAD_REQUEST, code, message);
    }
}
