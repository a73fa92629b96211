package gsvtrainer.task;

import gsvtrainer.asr.AsrParams;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The task config fields the old service had, with its defaults, plus ours ({@code version},
 * {@code asr_backend}). Unknown fields are kept as the client sent them (the old service accepted any).
 */
public final class TaskConfig {

    public static final String DEFAULT_VERSION = "v2ProPlus";
    public static final Set<String> VERSIONS = Set.of("v1", "v2", "v2Pro", "v2ProPlus", "v3", "v4");
    public static final Set<String> LANGUAGES = Set.of("zh", "en", "ja", "jp", "ko", "yue");

    private TaskConfig() {
    }

    /** The config with defaults filled in; throws IllegalArgumentException for a bad value. */
    public static Map<String, Object> withDefaults(Map<String, Object> given) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("exp_name", "my_speaker");
        config.put("language", "zh");
        config.put("batch_size", 16);
        config.put("epochs_s2", 50);
        config.put("epochs_s1", 15);
        config.put("gpu_id", "0");
        config.put("version", DEFAULT_VERSION);
        if (given != null) {
            given.forEach((k, v) -> {
                if (v != null) {
                    config.put(k, v);
                }
            });
        }
        String expName = String.valueOf(config.get("exp_name"));
        if (!expName.matches("[A-Za-z0-9_.\\-]{1,64}") || expName.startsWith(".")) {
            throw new IllegalArgumentException("exp_name must be 1-64 letters, digits, '_', '-' or '.'");
        }
        String language = String.valueOf(config.get("language")).toLowerCase();
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language must be one of " + List.copyOf(LANGUAGES));
        }
        if (!VERSIONS.contains(String.valueOf(config.get("version")))) {
            throw new IllegalArgumentException("version must be one of " + List.copyOf(VERSIONS));
        }
        for (String key : List.of("batch_size", "epochs_s2", "epochs_s1")) {
            if (!(config.get(key) instanceof Number n) || n.intValue() < 1) {
                throw new IllegalArgumentException(key + " must be a positive integer");
            }
        }
        Object asrBackend = config.get(AsrParams.CONFIG_BACKEND);
        if (asrBackend != null && !AsrParams.BACKENDS.contains(String.valueOf(asrBackend))) {
            throw new IllegalArgumentException(AsrParams.CONFIG_BACKEND + " must be one of " + AsrParams.BACKENDS);
        }
        if (!isGpuId(String.valueOf(config.get("gpu_id")))) {
            throw new IllegalArgumentException("gpu_id must look like '0' or '0-1'");
        }
        return config;
    }

    /** A webui GPU string: GPU indexes joined by '-' ("0", "0-1"). */
    public static boolean isGpuId(String gpuId) {
        return gpuId.matches("\\d+(-\\d+)*");
    }
}
