package gsvtrainer.asr;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Params of {@code asr_transcribe}: the backend ({@code upstream}: FunASR / faster-whisper in the
 * upstream environment; {@code whisper_cpp}; {@code pocketsphinx}), the language (defaults to the
 * task's), a model name or path, and for pocketsphinx an optional list of expected sentences.
 * A backend left out is the task config's {@code asr_backend}, else the service's setting; a
 * whisper.cpp model left out is the service's {@code whisper_model} setting.
 */
public record AsrParams(String backend, String language, String model, List<String> grammar, String speaker) {

    /** The backends, by the names params, task config and settings use. */
    public static final List<String> BACKENDS = List.of("upstream", "whisper_cpp", "pocketsphinx");

    /** The task config field that picks the backend for a task. */
    public static final String CONFIG_BACKEND = "asr_backend";

    public AsrParams {
        grammar = grammar == null ? List.of() : List.copyOf(grammar);
        if (backend != null && !BACKENDS.contains(backend)) {
            throw new IllegalArgumentException("backend must be one of " + String.join(", ", BACKENDS));
        }
    }

    public static AsrParams defaults() {
        return new AsrParams(null, null, null, null, null);
    }

    /**
     * These params with the backend and the whisper.cpp model filled in: the params' own, else the task
     * config's {@code asr_backend}, else the service's {@code asr_backend} setting ({@code upstream} when
     * unset); for whisper.cpp, no model means the {@code whisper_model} setting, and a bare file name is
     * looked up in that setting's folder.
     */
    AsrParams resolve(Map<String, Object> taskConfig, Map<String, String> settings) {
        String chosen = backend != null ? backend
                : taskConfig.get(CONFIG_BACKEND) instanceof String b && !b.isBlank() ? b
                : settings.getOrDefault("asr_backend", "").isBlank() ? "upstream" : settings.get("asr_backend");
        String configured = settings.getOrDefault("whisper_model", "");
        String chosenModel = model;
        if ("whisper_cpp".equals(chosen) && !configured.isBlank()) {
            if (model == null || model.isBlank()) {
                chosenModel = configured;
            } else if (!model.contains("/") && Path.of(configured).getParent() != null) {
                chosenModel = Path.of(configured).resolveSibling(model).toString();
            }
        }
        return new AsrParams(chosen, language, chosenModel, grammar, speaker);
    }
}
