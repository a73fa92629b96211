package gsvtrainer.api;

import gsvtrainer.events.Event;
import java.util.Map;

/** An event as the API shows it. */
public record EventInfo(long id, String taskId, String runId, String time, String level, String type,
                        Map<String, Object> data) {

    static EventInfo of(Event event) {
        return new EventInfo(event.id(), event.taskId(), event.runId(), event.time().toString(), event.level(),
                event.type().wireName(), event.data());
    }
}
