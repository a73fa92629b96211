package gsvtrainer.cli;

import gsvtrainer.client.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * Parses {@code KEY=VALUE} command-line pairs: a value that is valid JSON (number, boolean, null, array,
 * object, quoted string) is taken as JSON, anything else as a plain string; quote a value
 * ({@code gpu_id='"0"'}) to force a string.
 */
final class KeyValues {

    private KeyValues() {
    }

    static Map<String, Object> parse(List<String> pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (pairs == null) {
            return values;
        }
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected KEY=VALUE, got '" + pair + "'");
            }
            values.put(pair.substring(0, eq).trim(), value(pair.substring(eq + 1)));
        }
        return values;
    }

    /** Groups {@code STEP.KEY=VALUE} pairs by step. */
    static Map<String, Map<String, Object>> byStep(List<String> pairs) {
        Map<String, Map<String, Object>> byStep = new LinkedHashMap<>();
        parse(pairs).forEach((key, value) -> {
            int dot = key.indexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                throw new IllegalArgumentException("expected STEP.KEY=VALUE, got '" + key + "'");
            }
            byStep.computeIfAbsent(key.substring(0, dot), s -> new LinkedHashMap<>()).put(key.substring(dot + 1), value);
        });
        return byStep;
    }

    static Object value(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return text;
        }
        char first = trimmed.charAt(0);
        boolean jsonLike = first == '{' || first == '[' || first == '"' || first == '-' || Character.isDigit(first)
                || trimmed.equals("true") || trimmed.equals("false") || trimmed.equals("null");
        if (!jsonLike) {
            return text;
        }
        try {
            return Json.mapper().readValue(trimmed, Object.class);
        } catch (JacksonException e) {
            return text;
        }
    }
}
