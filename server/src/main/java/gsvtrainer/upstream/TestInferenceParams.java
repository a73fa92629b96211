package gsvtrainer.upstream;

/**
 * Params of {@code test_inference}: what to say and how. A null reference clip means: pick a 3-10 s
 * clip of the dataset automatically; null weights mean: the newest SoVITS and GPT weights of the task;
 * null languages mean the task's.
 */
public record TestInferenceParams(
        String text,
        String textLanguage,
        String refAudio,
        String refText,
        String refLanguage,
        Integer topK,
        Double topP,
        Double temperature,
        Double speed,
        Long seed,
        String sovitsWeight,
        String gptWeight) {

    public TestInferenceParams {
        if (text != null && text.isBlank()) throw new IllegalArgumentException("text must not be blank");
        Languages.checkInference("text_language", textLanguage);
        Languages.checkInference("ref_language", refLanguage);
        if (topK != null && topK < 1) throw new IllegalArgumentException("top_k must be >= 1");
        if (topP != null && (topP <= 0 || topP > 1)) throw new IllegalArgumentException("top_p must be in (0, 1]");
        if (temperature != null && temperature <= 0) throw new IllegalArgumentException("temperature must be > 0");
        if (speed != null && (speed < 0.25 || speed > 4)) throw new IllegalArgumentException("speed must be in [0.25, 4]");
        for (String name : new String[] {sovitsWeight, gptWeight}) {
            if (name != null && (name.contains("/") || name.contains("\\") || name.startsWith("."))) {
                throw new IllegalArgumentException("weights are named by file name only");
            }
        }
    }

    public static TestInferenceParams defaults() {
        return new TestInferenceParams(null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
