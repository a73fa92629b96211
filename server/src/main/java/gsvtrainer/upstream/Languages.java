package gsvtrainer.upstream;

import java.util.Locale;

/** Language tags as upstream's inference takes them ({@code ja}, not {@code jp}). */
final class Languages {

    private Languages() {
    }

    static String forUpstream(String tag) {
        String lower = tag == null ? "zh" : tag.trim().toLowerCase(Locale.ROOT);
        return lower.equals("jp") ? "ja" : lower;
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
