package gsvtrainer.steprun.channel;

import gsvtrainer.config.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The line protocol between a run and the service. It needs nothing but a stream of lines, so the
 * same protocol carries a local run's log file and, later, a remote job's log stream.
 */
public final class RunChannel {

    public static final String PREFIX = "::gsv:: ";

    private RunChannel() {
    }

    public static String encode(String type, Map<String, Object> body) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", type);
        line.putAll(body);
        return PREFIX + Json.write(line);
    }

    /** The message on this line, or empty for a plain log line (or a damaged message line). */
    public static Optional<ChannelMessage> decode(String line) {
        int start = line.indexOf(PREFIX);
        if (start < 0) {
            return Optional.empty();
        }
        try {
            Map<String, Object> body = Json.readMap(line.substring(start + PREFIX.length()));
            Object type = body.remove("type");
            return type == null ? Optional.empty() : Optional.of(new ChannelMessage(String.valueOf(type), body));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
