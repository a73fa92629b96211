package gsvtrainer.upstream;

import java.util.Map;

/** Reads a whole number from the task config, with a default. */
final class TaskNumbers {

    private TaskNumbers() {
    }

    static int get(Map<String, Object> task, String key, int fallback) {
        Object value = task.get(key);
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? fallback : Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
