package gsvtrainer.events;

import java.time.Instant;
import java.util.Map;

/** One entry of a task's append-only event log; ids grow monotonically across all tasks. */
public record Event(long id, String taskId, String runId, Instant time, String level, EventType type,
                    Map<String, Object> data) {
}
