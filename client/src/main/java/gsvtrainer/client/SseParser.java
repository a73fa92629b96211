package gsvtrainer.client;

import java.util.Optional;

/**
 * Line-by-line parser of a {@code text/event-stream} (the WHATWG rules): {@code field: value} lines,
 * comments starting with ':', multi-line data joined with '\n', dispatch on a blank line.
 */
final class SseParser {

    /** One dispatched server-sent event. */
    record Message(String id, String event, String data) {
    }

    private final StringBuilder data = new StringBuilder();
    private String event;
    private String lastId;
    private boolean hasData;
    private long retryMillis = -1;

    /** Feeds one line (without its terminator); returns the event when the line completes one. */
    Optional<Message> accept(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.charAt(0) == ':') {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "event" -> event = value;
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
                    retryMillis = Long.parseLong(value);
                }
            }
            default -> { }
        }
        return Optional.empty();
    }

    /** The reconnection time the server asked for, -1 when it did not. */
    long retryMillis() {
        return retryMillis;
    }

    private Optional<Message> dispatch() {
        if (!hasData) {
            event = null;
            return Optional.empty();
        }
        Message message = new Message(lastId, event == null ? "message" : event, data.toString());
        data.setLength(0);
        hasData = false;
        event = null;
        return Optional.of(message);
    }
}
