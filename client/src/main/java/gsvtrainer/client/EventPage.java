package gsvtrainer.client;

import java.util.List;

/** A page of events and the id to pass as {@code after} for the next page. */
public record EventPage(List<EventInfo> events, Long nextAfter) {

    public EventPage {
        events = events == null ? List.of() : events;
    }
}
