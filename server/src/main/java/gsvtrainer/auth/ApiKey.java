package gsvtrainer.auth;

import java.time.Instant;

/** A stored API key: only the SHA-256 of the secret is kept. */
public record ApiKey(String id, String name, String prefix, String scope, Instant createdAt, Instant revokedAt) {

    public boolean isAdmin() {
        return "admin".equals(scope);
    }
}
