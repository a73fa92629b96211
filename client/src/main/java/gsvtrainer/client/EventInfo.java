package gsvtrainer.client;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a task's event log ({@code status|progress|metric|log|artifact}); ids grow monotonically
 * per server, so the last id seen is the place to resume from.
 */
public record EventInfo(
        long id,
        String taskId,
        String runId,
        Instant time,
        String level,
        String type,
        Map<String, Object> data) {

    public EventInfo {
        data = data == null ? Map.of() : data;
    }

    EventInfo withId(long newId) {
        return new EventInfo(newId, taskId, runId, time, level, type, data);
    }

    EventInfo withType(String newType) {
        return new EventInfo(id, taskId, runId, time, level, newType, data);
    }
}
