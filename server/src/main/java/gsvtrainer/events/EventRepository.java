package gsvtrainer.events;

import gsvtrainer.config.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The event log in the database. */
@Repository
public class EventRepository {

    private final JdbcClient jdbc;

    public EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(String taskId, String runId, Instant at, String level, EventType type, Map<String, Object> data) {
        jdbc.sql("INSERT INTO event (task_id, run_id, at, level, type, data) VALUES (?, ?, ?, ?, ?, ?)")
                .params(taskId, runId, at.toEpochMilli(), level, type.wireName(), Json.write(data))
                .update();
    }

    /** Events of a task with an id above {@code after}, oldest first. */
    public List<Event> after(String taskId, long after, int limit) {
        return jdbc.sql("SELECT id, task_id, run_id, at, level, type, data FROM event WHERE task_id = ? AND id > ? "
                        + "ORDER BY id LIMIT ?")
                .params(taskId, after, limit).query(this::map).list();
    }

    public long lastId() {
        Long id = jdbc.sql("SELECT MAX(id) FROM event").query(Long.class).optional().orElse(null);
        return id == null ? 0 : id;
    }

    private Event map(ResultSet rs, int row) throws SQLException {
        return new Event(rs.getLong("id"), rs.getString("task_id"), rs.getString("run_id"),
                Instant.ofEpochMilli(rs.getLong("at")), rs.getString("level"), EventType.fromWire(rs.getString("type")),
                Json.readMap(rs.getString("data")));
    }
}
