package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepFailure;
import java.util.List;
import java.util.Locale;

/** Language tags as upstream's inference takes them ({@code ja}, not {@code jp}). */
final class Languages {

    private Languages() {
    }

    /** What upstream's {@code TTS_infer_pack} accepts for text and prompt from v2 on ({@code TTS.py}). */
    static final List<String> INFERENCE = List.of("auto", "auto_yue", "en", "zh", "ja", "yue", "ko", "all_zh", "all_ja",
            "all_yue", "all_ko");
    /** What it accepts for a v1 model. */
    static final List<String> INFERENCE_V1 = List.of("auto", "en", "zh", "ja", "all_zh", "all_ja");

    static String forUpstream(String tag) {
        String lower = tag == null ? "zh" : tag.trim().toLowerCase(Locale.ROOT);
        return lower.equals("jp") ? "ja" : lower;
    }

    /** Throws IllegalArgumentException for a language no version of upstream's inference takes. */
    static void checkInference(String param, String tag) {
        if (tag != null && !INFERENCE.contains(forUpstream(tag))) {
            throw new IllegalArgumentException(param + " must be one of " + INFERENCE + " (or jp), not " + tag);
        }
    }

    /** The tag for upstream's inference of {@code version}, or {@code invalid_param} when it takes no such language. */
    static String forInference(String param, String tag, String version) throws StepFailure {
        String language = forUpstream(tag);
        List<String> accepted = "v1".equals(version) ? INFERENCE_V1 : INFERENCE;
        if (!accepted.contains(language)) {
            throw new StepFailure("invalid_param", param + " " + language + " is not one upstream's " + version
                    + " inference takes: " + accepted);
        }
        return language;
    }

    /** A short sentence to synthesise when the client gave none. */
    static String sampleText(String language) {
        return switch (language) {
            case "en" -> "This is a test of the trained voice.";
            case "ja" -> "これは学習した声のテストです。";
            case "ko" -> "이것은 학습된 목소리의 테스트입니다.";
            case "yue" -> "呢個係訓練好嘅聲音嘅測試。";
            default -> "这是训练好的声音的测试。";
        };
    }
}
