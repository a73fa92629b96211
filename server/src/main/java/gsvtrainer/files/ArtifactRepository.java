package gsvtrainer.files;

import gsvtrainer.config.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Artifacts in the database; one row per task and workspace path (a re-written file replaces its row). */
@Repository
public class ArtifactRepository {

    private static final String COLUMNS = "id, task_id, run_id, kind, name, path, size, sha256, metadata, created_at";

    private final JdbcClient jdbc;

    public ArtifactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(Artifact a) {
        jdbc.sql("DELETE FROM artifact WHERE task_id = ? AND path = ?").params(a.taskId(), a.path()).update();
        jdbc.sql("INSERT INTO artifact (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(a.id(), a.taskId(), a.runId(), a.kind(), a.name(), a.path(), a.size(), a.sha256(),
                        Json.write(a.metadata()), a.createdAt().toEpochMilli())
                .update();
    }

    public List<Artifact> findByTask(String taskId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM artifact WHERE task_id = ? ORDER BY created_at, id")
                .param(taskId).query(this::map).list();
    }

    public Optional<Artifact> find(String taskId, String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM artifact WHERE task_id = ? AND id = ?")
                .params(taskId, id).query(this::map).optional();
    }

    public long totalSize(String taskId, String kind) {
        Long total = jdbc.sql("SELECT SUM(size) FROM artifact WHERE task_id = ? AND kind = ?")
                .params(taskId, kind).query(Long.class).optional().orElse(null);
        return total == null ? 0 : total;
    }

    /** Whether the task artifacts of {@code taskId} would belong to still exists: their rows need it. */
    public boolean ownerExists(String taskId) {
        return jdbc.sql("SELECT COUNT(*) FROM task WHERE id = ?").params(taskId).query(Long.class).single() > 0;
    }

    private Artifact map(ResultSet rs, int row) throws SQLException {
        return new Artifact(rs.getString("id"), rs.getString("task_id"), rs.getString("run_id"), rs.getString("kind"),
                rs.getString("name"), rs.getString("path"), rs.getLong("size"), rs.getString("sha256"),
                Json.readMap(rs.getString("metadata")), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
