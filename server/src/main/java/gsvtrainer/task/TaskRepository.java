package gsvtrainer.task;

import gsvtrainer.config.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tasks in the database; every update checks and bumps {@code version}. */
@Repository
public class TaskRepository {

    private static final String COLUMNS = "id, name, owner_key, config, plan, review_state, created_at, updated_at, version";

    private final JdbcClient jdbc;

    public TaskRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Task task) {
        jdbc.sql("INSERT INTO task (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(task.id(), task.name(), task.ownerKey(), Json.write(task.config()),
                        task.plan() == null ? null : Json.write(task.plan()), task.reviewState(),
                        task.createdAt().toEpochMilli(), task.updatedAt().toEpochMilli())
                .update();
    }

    public Optional<Task> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE id = ?").param(id).query(this::map).optional();
    }

    /** All tasks, or those of one owner (null owner = tasks created without a key). */
    public List<Task> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM task ORDER BY created_at").query(this::map).list();
    }

    public List<Task> findByOwner(String ownerKey) {
        if (ownerKey == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE owner_key IS NULL ORDER BY created_at")
                    .query(this::map).list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM task WHERE owner_key = ? ORDER BY created_at")
                .param(ownerKey).query(this::map).list();
    }

    /** Writes plan and review state; false when another writer got there first. */
    public boolean updatePlan(Task task, PendingPlan plan, String reviewState, Instant now) {
        return jdbc.sql("UPDATE task SET plan = ?, review_state = ?, updated_at = ?, version = version + 1 "
                        + "WHERE id = ? AND version = ?")
                .params(plan == null ? null : Json.write(plan), reviewState, now.toEpochMilli(), task.id(), task.version())
                .update() == 1;
    }

    public void touch(String id, Instant now) {
        jdbc.sql("UPDATE task SET updated_at = ? WHERE id = ?").params(now.toEpochMilli(), id).update();
    }

    public void delete(String id) {
        jdbc.sql("DELETE FROM event WHERE task_id = ?").param(id).update();
        jdbc.sql("DELETE FROM task WHERE id = ?").param(id).update();
    }

    private Task map(ResultSet rs, int row) throws SQLException {
        String plan = rs.getString("plan");
        Map<String, Object> config = Json.readMap(rs.getString("config"));
        return new Task(rs.getString("id"), rs.getString("name"), rs.getString("owner_key"), config,
                plan == null ? null : Json.read(plan, PendingPlan.class), rs.getString("review_state"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")),
                rs.getLong("version"));
    }
}
