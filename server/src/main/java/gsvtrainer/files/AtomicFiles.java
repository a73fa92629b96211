package gsvtrainer.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files written whole or not at all: through a hidden temporary sibling ({@code .<name>...tmp}) moved
 * into place, so that a reader never sees half a file; the sibling is gone either way.
 */
public final class AtomicFiles {

    /** Writes a file from its temporary sibling. */
    public interface Writer {
        void write(Path temp) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Has {@code writer} write the temporary sibling of {@code target}, then moves it into place. */
    public static void write(Path target, Writer writer) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp");
        try {
            writer.write(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeString(Path target, CharSequence text) throws IOException {
        write(target, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
    }
}
