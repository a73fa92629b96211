package gsvtrainer.steprun;

import gsvtrainer.config.Json;
import gsvtrainer.steprun.StepRun.RunResources;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Step runs in the database. Status changes go through {@link #transition}, which checks the move
 * against {@link RunTransitions} and writes with optimistic locking on {@code version}.
 */
@Repository
public class StepRunRepository {

    private static final String COLUMNS = "id, task_id, step, attempt, params, force, status, progress, detail, created_at, "
            + "started_at, finished_at, exit_code, error_code, error_message, resources, pid, pid_started_at, heartbeat_at, "
            + "log_path, log_offset, cancel_requested, outdated, version";

    private final JdbcClient jdbc;

    public StepRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a queued run; a second active run of the same step violates {@code ux_run_active}. */
    public void insert(StepRun run) {
        jdbc.sql("INSERT INTO step_run (id, task_id, step, attempt, params, force, status, progress, detail, created_at, resources) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, 0, '{}', ?, '{}')")
                .params(run.id(), run.taskId(), run.step(), run.attempt(), Json.write(run.params()), run.force() ? 1 : 0,
                        run.status().wireName(), run.createdAt().toEpochMilli())
                .update();
    }

    public Optional<StepRun> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM step_run WHERE id = ?").param(id).query(this::map).optional();
    }

    public List<StepRun> findByTask(String taskId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM step_run WHERE task_id = ? ORDER BY created_at, attempt")
                .param(taskId).query(this::map).list();
    }

    /** The runs of a task, oldest first, as its status is derived from them (no JSON columns read). */
    public List<RunState> findStatesByTask(String taskId) {
        return jdbc.sql("SELECT id, step, attempt, status, progress, created_at, error_code, error_message, outdated "
                        + "FROM step_run WHERE task_id = ? ORDER BY created_at, attempt")
                .param(taskId).query(this::mapState).list();
    }

    public List<StepRun> findByStatus(RunStatus status) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM step_run WHERE status = ? ORDER BY created_at, id")
                .param(status.wireName()).query(this::map).list();
    }

    public int nextAttempt(String taskId, String step) {
        Integer max = jdbc.sql("SELECT MAX(attempt) FROM step_run WHERE task_id = ? AND step = ?")
                .params(taskId, step).query(Integer.class).optional().orElse(null);
        return max == null ? 1 : max + 1;
    }

    /**
     * Moves a run to a new status. Returns false when another writer changed the run first (a lost
     * race, which the caller resolves by re-reading).
     */
    public boolean transition(StepRun run, RunStatus to, Changes changes) {
        RunTransitions.check(run.status(), to);
        int updated = jdbc.sql("UPDATE step_run SET status = ?, version = version + 1, "
                        + "started_at = COALESCE(?, started_at), finished_at = COALESCE(?, finished_at), "
                        + "exit_code = COALESCE(?, exit_code), error_code = COALESCE(?, error_code), "
                        + "error_message = COALESCE(?, error_message), resources = COALESCE(?, resources), "
                        + "pid = COALESCE(?, pid), pid_started_at = COALESCE(?, pid_started_at), "
                        + "log_path = COALESCE(?, log_path), progress = COALESCE(?, progress), heartbeat_at = ? "
                        + "WHERE id = ? AND version = ? AND status = ?")
                .params(to.wireName(), millis(changes.startedAt()), millis(changes.finishedAt()), changes.exitCode(),
                        changes.error() == null ? null : changes.error().code(),
                        changes.error() == null ? null : changes.error().message(),
                        changes.resources() == null ? null : Json.write(changes.resources()),
                        changes.pid(), changes.pidStartedAt(), changes.logPath(), changes.progress(),
                        millis(Instant.now()), run.id(), run.version(), run.status().wireName())
                .update();
        return updated == 1;
    }

    /** Records the process of a run that was just started (not a status change). */
    public void recordProcess(String id, long pid, long pidStartedAt) {
        jdbc.sql("UPDATE step_run SET pid = ?, pid_started_at = ? WHERE id = ?").params(pid, pidStartedAt, id).update();
    }

    /** Progress and heartbeat writes come from the one watcher of a run; they do not bump the version. */
    public void updateProgress(String id, double progress, Map<String, Object> detail, Instant heartbeat) {
        jdbc.sql("UPDATE step_run SET progress = ?, detail = ?, heartbeat_at = ? WHERE id = ?")
                .params(progress, Json.write(detail), heartbeat.toEpochMilli(), id).update();
    }

    public void updateHeartbeat(String id, Instant heartbeat, long logOffset) {
        jdbc.sql("UPDATE step_run SET heartbeat_at = ?, log_offset = ? WHERE id = ?")
                .params(heartbeat.toEpochMilli(), logOffset, id).update();
    }

    /** Asks for a running run to be cancelled; the executor that holds it does the killing. */
    public int requestCancel(String id) {
        return jdbc.sql("UPDATE step_run SET cancel_requested = 1 WHERE id = ? AND status IN ('queued', 'running')")
                .param(id).update();
    }

    public void setOutdated(String taskId, List<String> steps, boolean outdated) {
        for (String step : steps) {
            jdbc.sql("UPDATE step_run SET outdated = ? WHERE task_id = ? AND step = ?")
                    .params(outdated ? 1 : 0, taskId, step).update();
        }
    }

    private StepRun map(ResultSet rs, int row) throws SQLException {
        String errorCode = rs.getString("error_code");
        Map<String, Object> resources = Json.readMap(rs.getString("resources"));
        @SuppressWarnings("unchecked")
        List<String> gpus = (List<String>) resources.getOrDefault("gpus", List.of());
        int cpuSlots = ((Number) resources.getOrDefault("cpu_slots", resources.getOrDefault("cpuSlots", 0))).intValue();
        return new StepRun(
                rs.getString("id"), rs.getString("task_id"), rs.getString("step"), rs.getInt("attempt"),
                Json.readMap(rs.getString("params")), rs.getInt("force") != 0, RunStatus.fromWire(rs.getString("status")),
                rs.getDouble("progress"), Json.readMap(rs.getString("detail")), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"), (Integer) nullable(rs, rs.getInt("exit_code")),
                errorCode == null ? null : new RunError(errorCode, rs.getString("error_message")),
                new RunResources(gpus, cpuSlots), (Long) nullable(rs, rs.getLong("pid")),
                (Long) nullable(rs, rs.getLong("pid_started_at")), instant(rs, "heartbeat_at"), rs.getString("log_path"),
                rs.getLong("log_offset"), rs.getInt("cancel_requested") != 0, rs.getInt("outdated") != 0,
                rs.getLong("version"));
    }

    private RunState mapState(ResultSet rs, int row) throws SQLException {
        String errorCode = rs.getString("error_code");
        return new RunState(rs.getString("id"), rs.getString("step"), rs.getInt("attempt"),
                RunStatus.fromWire(rs.getString("status")), rs.getDouble("progress"), instant(rs, "created_at"),
                errorCode == null ? null : new RunError(errorCode, rs.getString("error_message")),
                rs.getInt("outdated") != 0);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    private static Object nullable(ResultSet rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /** The columns a transition may set besides the status; nulls leave a column as it is. */
    public record Changes(Instant startedAt, Instant finishedAt, Integer exitCode, RunError error,
                          Map<String, Object> resources, Long pid, Long pidStartedAt, String logPath, Double progress) {

        public static Changes none() {
            return new Changes(null, null, null, null, null, null, null, null, null);
        }

        public static Changes started(Instant at, Map<String, Object> resources, String logPath) {
            return new Changes(at, null, null, null, resources, null, null, logPath, null);
        }

        public static Changes finished(Instant at, Integer exitCode, RunError error, Double progress) {
            return new Changes(null, at, exitCode, error, null, null, null, null, progress);
        }
    }
}
