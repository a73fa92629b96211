package gsvtrainer.steprun.channel;

import java.util.Map;

/**
 * One message from a run to the service. On the wire it is one line of the run's output:
 * {@code ::gsv:: {"type": "progress", ...}}. Lines without the prefix are plain log output.
 *
 * @param type {@code progress}, {@code metric}, {@code artifact}, {@code log}, {@code error} or
 *             {@code heartbeat}
 */
public record ChannelMessage(String type, Map<String, Object> body) {

    public double number(String key, double fallback) {
        return body.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }

    public String text(String key) {
        Object value = body.get(key);
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
        return body.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
