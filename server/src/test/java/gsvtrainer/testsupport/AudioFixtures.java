package gsvtrainer.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The committed audio fixtures and the sentences spoken in them (scripts/fixtures/make-audio-fixtures.sh). */
public final class AudioFixtures {

    private AudioFixtures() {
    }

    public static Path file(String name) {
        try {
            return Path.of(AudioFixtures.class.getResource("/fixtures/audio").toURI()).resolve(name);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sentence by fixture name (e.g. {@code en_1}) for one language ({@code en}, {@code zh}). */
    public static Map<String, String> sentences(String language) {
        Map<String, String> sentences = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file("sentences.txt"))) {
                String[] fields = line.split("\\|", 3);
                if (fields.length == 3 && fields[1].equals(language)) {
                    sentences.put(fields[0], fields[2]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sentences;
    }
}
