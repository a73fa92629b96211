package gsvtrainer.asr;

import java.util.List;

/**
 * Params of {@code asr_transcribe}: the backend ({@code upstream}: FunASR / faster-whisper in the
 * upstream environment; {@code whisper_cpp}; {@code pocketsphinx}), the language (defaults to the
 * task's), a model name or path, and for pocketsphinx an optional list of expected sentences.
 */
public record AsrParams(String backend, String language, String model, List<String> grammar, String speaker) {

    public AsrParams {
        backend = backend == null ? "upstream" : backend;
        grammar = grammar == null ? List.of() : List.copyOf(grammar);
        if (!List.of("upstream", "whisper_cpp", "pocketsphinx").contains(backend)) {
            throw new IllegalArgumentException("backend must be one of upstream, whisper_cpp, pocketsphinx");
        }
    }

    public static AsrParams defaults() {
        return new AsrParams(null, null, null, null, null);
    }
}
