package gsvtrainer.asr;

import gsvtrainer.pipeline.StepContext;
import gsvtrainer.pipeline.StepFailure;
import java.nio.file.Path;
import java.util.List;

/** Picks the backend {@link AsrParams#backend()} names and checks that it can run here. */
final class Transcribers {

    private Transcribers() {
    }

    static Transcriber create(AsrParams params, String languageTag, String speaker, StepContext context)
            throws Exception {
        Path scratch = context.runDir().resolve("asr-scratch");
        return switch (params.backend()) {
            case "pocketsphinx" -> PocketsphinxTranscriber.create(params, languageTag, scratch, context.cpuThreads());
            case "whisper_cpp" -> WhisperCppTranscriber.create(params, languageTag, scratch, context.cpuThreads());
            case "upstream" -> UpstreamTranscriber.create(params, languageTag, folderName(speaker), context.settings(),
                    realGpus(context), scratch);
            default -> throw new StepFailure("invalid_param", "unknown ASR backend " + params.backend());
        };
    }

    /** The run's GPUs when they are real CUDA devices; none (CPU) with the test service's fake ones. */
    private static List<String> realGpus(StepContext context) {
        return Boolean.parseBoolean(context.settings().getOrDefault("real_gpus", "false")) ? context.gpus() : List.of();
    }

    private static String folderName(String speaker) {
        String safe = speaker.replaceAll("[^A-Za-z0-9_.-]", "_");
        return safe.isEmpty() || safe.startsWith(".") ? "speaker" : safe;
    }
}
