package gsvtrainer.events;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Where the core records what happens. Appends to the database and then tells the in-process
 * listeners (the SSE hub) that something new is there; listeners re-read from the database, so a
 * missed signal only delays delivery.
 */
@Service
public class EventLog {

    private final EventRepository events;
    private final List<EventListener> listeners;
    private final Clock clock;

    public EventLog(EventRepository events, List<EventListener> listeners, Clock clock) {
        this.events = events;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
    }

    public void record(String taskId, String runId, String level, EventType type, Map<String, Object> data) {
        events.append(taskId, runId, clock.instant(), level, type, data);
        listeners.forEach(listener -> listener.eventsAppended(taskId));
    }

    public void status(String taskId, String runId, Map<String, Object> data) {
        record(taskId, runId, "info", EventType.STATUS, data);
    }
}
