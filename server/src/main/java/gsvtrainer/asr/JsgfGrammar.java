package gsvtrainer.asr;

import gsvtrainer.pipeline.StepFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A JSGF grammar of the sentences the clips are expected to say: one clip may hold one or more of
 * them in a row. A hypothesis made only of grammar sentences is given back as those sentences were
 * written (case and punctuation kept), so the transcript reads like the script the speaker read.
 */
final class JsgfGrammar {

    private final Map<String, String> sentences;

    private JsgfGrammar(Map<String, String> sentences) {
        this.sentences = sentences;
    }

    /** The grammar of {@code given}; every word must be in the pronunciation dictionary. */
    static JsgfGrammar of(List<String> given, Set<String> dictionary) throws StepFailure {
        Map<String, String> sentences = new LinkedHashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String sentence : given) {
            String normal = normalise(sentence);
            if (normal.isEmpty()) {
                continue;
            }
            Arrays.stream(normal.split(" ")).filter(w -> !dictionary.contains(w)).forEach(unknown::add);
            sentences.putIfAbsent(normal, sentence.strip());
        }
        if (sentences.isEmpty()) {
            throw new StepFailure("invalid_grammar", "the grammar has no words");
        }
        if (!unknown.isEmpty()) {
            throw new StepFailure("invalid_grammar", "words not in the pocketsphinx dictionary: "
                    + String.join(", ", unknown) + " (spell numbers out)");
        }
        return new JsgfGrammar(sentences);
    }

    /** Lower-case words separated by single spaces; punctuation other than inner apostrophes dropped. */
    static String normalise(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}']+", " ");
        return lower.replaceAll("(^|\\s)'+|'+(\\s|$)", " ").trim().replaceAll("\\s+", " ");
    }

    String text() {
        return "#JSGF V1.0;\ngrammar clips;\n<sentence> = " + String.join("\n    | ", sentences.keySet())
                + ";\npublic <utterance> = <sentence>+;\n";
    }

    /**
     * The sentences as written when the hypothesis is a sequence of grammar sentences, else the
     * hypothesis itself.
     */
    String restore(String hypothesis) {
        String normal = normalise(hypothesis);
        List<String> parts = cover(normal);
        return parts == null ? normal : String.join(" ", parts);
    }

    private List<String> cover(String rest) {
        if (rest.isEmpty()) {
            return new ArrayList<>();
        }
        for (var sentence : sentences.entrySet()) {
            String key = sentence.getKey();
            if (rest.equals(key) || rest.startsWith(key + " ")) {
                List<String> tail = cover(rest.substring(key.length()).strip());
                if (tail != null) {
                    tail.add(0, sentence.getValue());
                    return tail;
                }
            }
        }
        return null;
    }
}
