package gsvtrainer.events;

import java.util.Locale;

/** What an event tells. */
public enum EventType {
    STATUS, PROGRESS, METRIC, LOG, ARTIFACT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventType fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
