package gsvtrainer.events;

import gsvtrainer.config.Json;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event log in the database. Readers follow it by id ({@code id > cursor}), so ids must become
 * visible in order: SQLite writes one at a time anyway; on PostgreSQL, where a sequence hands out ids
 * before their transactions commit, in any order, appends take a transaction-scoped advisory lock
 * first, so an event never commits after a higher id that a reader may already have passed.
 */
@Repository
public class EventRepository {

    /** The advisory lock key of event appends on PostgreSQL ("gsv_event"). */
    private static final long APPEND_LOCK = 0x6773765f6576L;

    private final JdbcClient jdbc;
    private final TransactionTemplate ordered;

    /** Appends as they come: for SQLite, or where a single writer appends. */
    public EventRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.ordered = null;
    }

    @Autowired
    public EventRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.ordered = isPostgres(dataSource) ? new TransactionTemplate(new JdbcTransactionManager(dataSource)) : null;
    }

    public void append(String taskId, String runId, Instant at, String level, EventType type, Map<String, Object> data) {
        if (ordered == null) {
            insert(taskId, runId, at, level, type, data);
            return;
        }
        ordered.executeWithoutResult(tx -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(APPEND_LOCK).query((rs, row) -> 1).list();
            insert(taskId, runId, at, level, type, data);
        });
    }

    private void insert(String taskId, String runId, Instant at, String level, EventType type, Map<String, Object> data) {
        jdbc.sql("INSERT INTO event (task_id, run_id, at, level, type, data) VALUES (?, ?, ?, ?, ?, ?)")
                .params(taskId, runId, at.toEpochMilli(), level, type.wireName(), Json.write(data))
                .update();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's name", e);
        }
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
