package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges the per-shard outputs exactly as webui does: each part read, stripped of leading and
 * trailing newlines, split into lines, concatenated in part order, written with a final newline,
 * and the part deleted.
 */
final class PartMerge {

    static final String TEXT = "2-name2text.txt";
    static final String SEMANTIC = "6-name2semantic.tsv";
    static final String SEMANTIC_HEADER = "item_name\tsemantic_audio";

    private PartMerge() {
    }

    /** {@code 2-name2text-{k}.txt} into {@code 2-name2text.txt}; an empty result fails like webui's. */
    static void mergeText(Path exp, int parts) throws IOException, StepFailure {
        List<String> lines = readParts(exp, "2-name2text-%d.txt", parts);
        Files.writeString(exp.resolve(TEXT), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        if (String.join("", lines).isEmpty()) {
            throw new StepFailure("no_features", "text features are empty: no clip of the transcript had a supported "
                    + "language and text (zh, ja, en, ko, yue)");
        }
    }

    /** Header plus {@code 6-name2semantic-{k}.tsv} into {@code 6-name2semantic.tsv}. */
    static void mergeSemantic(Path exp, int parts) throws IOException, StepFailure {
        List<String> lines = new ArrayList<>(List.of(SEMANTIC_HEADER));
        List<String> body = readParts(exp, "6-name2semantic-%d.tsv", parts);
        lines.addAll(body);
        Files.writeString(exp.resolve(SEMANTIC), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        if (body.stream().allMatch(String::isBlank)) {
            throw new StepFailure("no_features", "semantic features are empty: no clip got semantic tokens");
        }
    }

    /** Deletes part files an interrupted run left behind (possibly from another shard count). */
    static void removeStaleParts(Path exp) throws IOException {
        try (var entries = Files.list(exp)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (name.matches("2-name2text-\\d+\\.txt|6-name2semantic-\\d+\\.tsv")) {
                    Files.delete(entry);
                }
            }
        }
    }

    private static List<String> readParts(Path exp, String pattern, int parts) throws IOException, StepFailure {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            Path part = exp.resolve(pattern.formatted(i));
            if (!Files.exists(part)) {
                throw new StepFailure("upstream_failed", "shard " + i + " of " + parts + " wrote no " + part.getFileName());
            }
            String text = stripNewlines(Files.readString(part, StandardCharsets.UTF_8));
            lines.addAll(List.of(text.split("\n", -1)));
        }
        for (int i = 0; i < parts; i++) {
            Files.delete(exp.resolve(pattern.formatted(i)));
        }
        return lines;
    }

    /** Python's {@code str.strip("\n")}. */
    static String stripNewlines(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '\n') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(start, end);
    }
}
