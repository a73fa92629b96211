package gsvtrainer.auth;

/**
 * Who is asking: an API key (its id and whether it has the admin scope) or, where keys are optional,
 * nobody in particular.
 */
public record Caller(String keyId, boolean admin) {

    public static final Caller ANONYMOUS = new Caller(null, false);
    public static final Caller SYSTEM = new Caller(null, true);

    /** Whether this caller may see a task created by {@code ownerKey} (null = created without a key). */
    public boolean maySee(String ownerKey) {
        return admin || java.util.Objects.equals(keyId, ownerKey);
    }
}
