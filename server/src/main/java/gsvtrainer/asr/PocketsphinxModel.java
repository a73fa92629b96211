package gsvtrainer.asr;

import gsvtrainer.pipeline.StepFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The pocketsphinx US English model: acoustic model folder, pronunciation dictionary and language
 * model, as Debian's {@code pocketsphinx-en-us} installs them (or under a folder given as the model).
 */
record PocketsphinxModel(Path acoustic, Path dictionary, Path languageModel) {

    static final Path DEBIAN_DIR = Path.of("/usr/share/pocketsphinx/model/en-us");

    /** The model in {@code dir} (Debian's folder when null); fails when a part of it is missing. */
    static PocketsphinxModel in(String dir) throws StepFailure {
        Path root = dir == null || dir.isBlank() ? DEBIAN_DIR : Path.of(dir);
        PocketsphinxModel model = new PocketsphinxModel(root.resolve("en-us"), root.resolve("cmudict-en-us.dict"),
                root.resolve("en-us.lm.bin"));
        if (!Files.isRegularFile(model.acoustic().resolve("mdef")) || !Files.isRegularFile(model.dictionary())
                || !Files.isRegularFile(model.languageModel())) {
            throw new StepFailure("backend_unavailable", "the pocketsphinx English model is missing: expected "
                    + "en-us/, cmudict-en-us.dict and en-us.lm.bin in " + root
                    + (dir == null || dir.isBlank() ? " (install the Debian package pocketsphinx-en-us)" : ""));
        }
        return model;
    }

    /** The words of the pronunciation dictionary, lower-case, without alternate-pronunciation marks. */
    Set<String> words() throws IOException {
        Set<String> words = new HashSet<>();
        try (Stream<String> lines = Files.lines(dictionary, StandardCharsets.UTF_8)) {
            lines.forEach(line -> {
                int space = line.indexOf(' ');
                if (space > 0) {
                    String word = line.substring(0, space);
                    int alternate = word.indexOf('(');
                    words.add((alternate > 0 ? word.substring(0, alternate) : word).toLowerCase(Locale.ROOT));
                }
            });
        }
        return words;
    }
}
