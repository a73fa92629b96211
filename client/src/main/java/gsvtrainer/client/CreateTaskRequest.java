package gsvtrainer.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code POST /task/create}. The config is a map because the server adds fields over time;
 * it fills defaults (exp_name, language, batch_size, epochs_s2, epochs_s1, gpu_id, version) for what is absent.
 */
public record CreateTaskRequest(String taskName, Map<String, Object> config) {

    public CreateTaskRequest {
        Objects.requireNonNull(taskName, "taskName");
        config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }
}
