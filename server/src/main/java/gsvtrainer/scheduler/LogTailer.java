package gsvtrainer.scheduler;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the complete lines appended to a run's log since the last read. A carriage return inside a
 * line (a redrawn progress bar) keeps only its last state.
 */
final class LogTailer {

    private static final int MAX_READ = 1 << 20;

    private final Path file;
    private long offset;

    LogTailer(Path file, long offset) {
        this.file = file;
        this.offset = offset;
    }

    long offset() {
        return offset;
    }

    List<String> readLines() throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            while (true) {
                long length = in.length();
                if (length <= offset) {
                    return lines;
                }
                int size = (int) Math.min(MAX_READ, length - offset);
                byte[] buffer = new byte[size];
                in.seek(offset);
                in.readFully(buffer);
                int lastNewline = lastIndexOf(buffer, (byte) '\n');
                if (lastNewline < 0) {
                    if (size == MAX_READ) {
                        lastNewline = size - 1;
                    } else {
                        return lines;
                    }
                }
                String text = new String(buffer, 0, lastNewline + 1, StandardCharsets.UTF_8);
                for (String line : text.split("\n")) {
                    int cr = line.lastIndexOf('\r', line.length() - 2);
                    String last = cr >= 0 ? line.substring(cr + 1) : line;
                    last = last.strip();
                    if (!last.isEmpty()) {
                        lines.add(last);
                    }
                }
                offset += lastNewline + 1;
            }
        }
    }

    private static int lastIndexOf(byte[] buffer, byte value) {
        for (int i = buffer.length - 1; i >= 0; i--) {
            if (buffer[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
