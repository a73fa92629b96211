package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which clips upstream's GPT trainer will keep, decided before it starts: {@code AR/data/dataset.py}
 * drops a clip without phonemes, one longer than {@code max_sec} (54 s), and one whose speech rate is
 * outside 3–25 phonemes per second of semantic tokens (25 a second), which catches transcripts that do not
 * belong to their clip. With no clip left it crashes with a ZeroDivisionError; this says why instead.
 */
record GptDataset(int kept, List<String> dropped) {

    static final double TOKENS_PER_SECOND = 25;
    static final double MIN_PHONES_PER_SECOND = 3;
    static final double MAX_PHONES_PER_SECOND = 25;
    static final int MAX_SECONDS = 54;

    static GptDataset read(Path exp) throws IOException {
        Map<String, Integer> phones = new HashMap<>();
        for (String line : Files.readAllLines(exp.resolve(PartMerge.TEXT), StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t");
            if (fields.length >= 2) {
                phones.put(fields[0], fields[1].isBlank() ? 0 : fields[1].trim().split(" ").length);
            }
        }
        int kept = 0;
        List<String> dropped = new ArrayList<>();
        List<String> semantic = Files.readAllLines(exp.resolve(PartMerge.SEMANTIC), StandardCharsets.UTF_8);
        for (String line : semantic.subList(Math.min(1, semantic.size()), semantic.size())) {
            String[] fields = line.split("\t");
            if (fields.length < 2) {
                continue;
            }
            String reason = reason(phones.get(fields[0]), fields[1].trim().split(" ").length);
            if (reason == null) {
                kept++;
            } else {
                dropped.add(fields[0] + " (" + reason + ")");
            }
        }
        return new GptDataset(kept, List.copyOf(dropped));
    }

    private static String reason(Integer phones, int tokens) {
        double seconds = tokens / TOKENS_PER_SECOND;
        if (phones == null || phones == 0) {
            return "no phonemes in 2-name2text.txt";
        }
        if (seconds > MAX_SECONDS || phones > MAX_SECONDS * TOKENS_PER_SECOND / 2.5) {
            return "longer than " + MAX_SECONDS + " s";
        }
        double rate = phones / seconds;
        if (rate < MIN_PHONES_PER_SECOND || rate > MAX_PHONES_PER_SECOND) {
            return String.format("%.1f phonemes per second, outside %.0f-%.0f: does the transcript match the clip?",
                    rate, MIN_PHONES_PER_SECOND, MAX_PHONES_PER_SECOND);
        }
        return null;
    }

    /** Fails with {@code no_usable_clips} when upstream would keep no clip; lists what it drops otherwise. */
    void requireUsable() throws StepFailure {
        if (kept == 0) {
            throw new StepFailure("no_usable_clips", "upstream's GPT trainer would drop every clip: "
                    + String.join("; ", dropped.subList(0, Math.min(10, dropped.size())))
                    + (dropped.size() > 10 ? "; and " + (dropped.size() - 10) + " more" : ""));
        }
    }
}
