package gsvtrainer.auth;

import gsvtrainer.config.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Creates, checks and revokes API keys. A key's secret is shown once, at creation. */
@Service
public class ApiKeys {

    private final ApiKeyRepository keys;
    private final Clock clock;

    public ApiKeys(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** A new key and its secret. */
    public record Created(ApiKey key, String secret) {
    }

    public Created create(String name, boolean admin) {
        String secret = "gsv_" + Ids.random(40);
        ApiKey key = new ApiKey(Ids.newId("k"), name, secret.substring(0, 10), admin ? "admin" : "user",
                clock.instant(), null);
        keys.insert(key, hash(secret));
        return new Created(key, secret);
    }

    public Optional<ApiKey> check(String secret) {
        return secret == null || secret.isBlank() ? Optional.empty() : keys.findActiveByHash(hash(secret.trim()));
    }

    public List<ApiKey> list() {
        return keys.findAll();
    }

    public boolean revoke(String idOrPrefix) {
        return keys.revoke(idOrPrefix, clock.instant());
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
