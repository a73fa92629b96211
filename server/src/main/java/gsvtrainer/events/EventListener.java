package gsvtrainer.events;

/** Told, in process, that a task has new events in the log. */
public interface EventListener {

    void eventsAppended(String taskId);
}
