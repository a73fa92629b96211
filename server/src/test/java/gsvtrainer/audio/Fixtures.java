package gsvtrainer.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The committed audio fixtures (made by scripts/fixtures/make-audio-fixtures.sh). */
final class Fixtures {

    private Fixtures() {
    }

    static Path dir() {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/audio").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path file(String name) {
        return dir().resolve(name);
    }

    /** Rows of a fixture CSV without its header, split on commas. */
    static List<String[]> csv(String name) {
        try (Stream<String> lines = Files.lines(file(name))) {
            return lines.skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 16-bit mono WAV fixture in memory. */
    static MonoAudio wav(String name) {
        try {
            return WavReader.readAll(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
