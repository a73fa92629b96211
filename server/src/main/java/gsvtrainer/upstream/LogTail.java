package gsvtrainer.upstream;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Follows a log file that a process appends to and hands over each line; a carriage return ends a
 * line too, so every redraw of a tqdm or Lightning bar arrives as a line of its own.
 */
final class LogTail {

    private final Path file;
    private final Consumer<String> lines;
    private final StringBuilder partial = new StringBuilder();
    private long position;

    LogTail(Path file, Consumer<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Reads what was appended since the last call; {@code flush} also hands over an unfinished last line. */
    void poll(boolean flush) throws IOException {
        if (Files.exists(file)) {
            try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                if (in.length() > position) {
                    in.seek(position);
                    byte[] bytes = new byte[(int) Math.min(in.length() - position, 1 << 20)];
                    in.readFully(bytes);
                    position += bytes.length;
                    split(decodable(bytes));
                }
            }
        }
        if (flush && !partial.isEmpty()) {
            emit();
        }
    }

    private String decodable(byte[] bytes) {
        int end = bytes.length;
        int back = 0;
        while (back < 3 && end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0xC0) {
            int lead = bytes[end - back - 1] & 0xFF;
            int needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : 1;
            if (back < needed) {
                end = end - back - 1;
                position -= bytes.length - end;
            }
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private void split(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (!partial.isEmpty()) {
                    emit();
                }
            } else {
                partial.append(c);
            }
        }
    }

    private void emit() {
        String line = partial.toString();
        partial.setLength(0);
        lines.accept(line);
    }
}
