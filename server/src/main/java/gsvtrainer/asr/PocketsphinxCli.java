package gsvtrainer.asr;

import gsvtrainer.config.Json;
import gsvtrainer.pipeline.StepFailure;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pocketsphinx command line, in either of its shapes: {@code pocketsphinx_continuous -infile}
 * (0.8 / 5prealpha, Debian 12) printing the hypothesis and, with {@code -time yes}, one line per word
 * with its posterior; or {@code pocketsphinx single} (5.x) printing one JSON object per utterance.
 */
record PocketsphinxCli(Path executable, boolean json) {

    /** A decoded clip: the hypothesis and the mean word posterior (null without words). */
    record Result(String text, Double confidence) {
    }

    private static final Pattern WORD_LINE = Pattern.compile("(\\S+) -?\\d+\\.\\d+ -?\\d+\\.\\d+ (\\d+(?:\\.\\d+)?)");

    /** The first of the two CLIs on the PATH; fails naming the Debian package when neither is. */
    static PocketsphinxCli find() throws StepFailure {
        Optional<Path> continuous = onPath("pocketsphinx_continuous");
        if (continuous.isPresent()) {
            return new PocketsphinxCli(continuous.get(), false);
        }
        return onPath("pocketsphinx").map(p -> new PocketsphinxCli(p, true)).orElseThrow(() ->
                new StepFailure("backend_unavailable", "neither pocketsphinx_continuous nor pocketsphinx is on the PATH "
                        + "(install the Debian packages pocketsphinx and pocketsphinx-en-us)"));
    }

    List<String> command(Path wav16k, PocketsphinxModel model, Path grammar) {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        if (!json) {
            command.addAll(List.of("-infile", wav16k.toString(), "-time", "yes"));
        }
        command.addAll(List.of("-hmm", model.acoustic().toString(), "-dict", model.dictionary().toString()));
        if (grammar != null) {
            command.addAll(List.of("-jsgf", grammar.toString()));
        } else {
            command.addAll(List.of("-lm", model.languageModel().toString()));
        }
        if (json) {
            command.addAll(List.of("-loglevel", "FATAL", "single", wav16k.toString()));
        }
        return command;
    }

    Result parse(List<String> lines) {
        List<String> texts = new ArrayList<>();
        double posteriors = 0;
        int words = 0;
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (json) {
                if (!trimmed.startsWith("{")) {
                    continue;
                }
                Map<String, Object> utterance = Json.readMap(trimmed);
                texts.add(String.valueOf(utterance.getOrDefault("t", "")));
                if (utterance.get("w") instanceof List<?> list) {
                    for (Object entry : list) {
                        if (entry instanceof Map<?, ?> word && isWord(String.valueOf(word.get("t")))
                                && word.get("p") instanceof Number p) {
                            posteriors += p.doubleValue();
                            words++;
                        }
                    }
                }
                continue;
            }
            Matcher word = WORD_LINE.matcher(trimmed);
            if (word.matches()) {
                if (isWord(word.group(1))) {
                    posteriors += Double.parseDouble(word.group(2));
                    words++;
                }
            } else {
                texts.add(trimmed);
            }
        }
        String text = String.join(" ", texts).strip();
        return new Result(text, words == 0 ? null : Math.min(1, posteriors / words));
    }

    /** Real words, not {@code <s>}, {@code <sil>}, {@code (NULL)}, {@code [NOISE]} or {@code ++BREATH++}. */
    private static boolean isWord(String token) {
        return !token.isEmpty() && "<[(+".indexOf(token.charAt(0)) < 0;
    }

    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
