package gsvtrainer.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ApiKeyRepository {

    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ApiKey key, String hash) {
        jdbc.sql("INSERT INTO api_key (id, name, key_hash, prefix, scope, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(key.id(), key.name(), hash, key.prefix(), key.scope(), key.createdAt().toEpochMilli()).update();
    }

    public Optional<ApiKey> findActiveByHash(String hash) {
        return jdbc.sql("SELECT * FROM api_key WHERE key_hash = ? AND revoked_at IS NULL").param(hash)
                .query(this::map).optional();
    }

    public List<ApiKey> findAll() {
        return jdbc.sql("SELECT * FROM api_key ORDER BY created_at").query(this::map).list();
    }

    public boolean revoke(String idOrPrefix, Instant at) {
        return jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE (id = ? OR prefix = ?) AND revoked_at IS NULL")
                .params(at.toEpochMilli(), idOrPrefix, idOrPrefix).update() > 0;
    }

    private ApiKey map(ResultSet rs, int row) throws SQLException {
        long revoked = rs.getLong("revoked_at");
        Instant revokedAt = rs.wasNull() ? null : Instant.ofEpochMilli(revoked);
        return new ApiKey(rs.getString("id"), rs.getString("name"), rs.getString("prefix"), rs.getString("scope"),
                Instant.ofEpochMilli(rs.getLong("created_at")), revokedAt);
    }
}
