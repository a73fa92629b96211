package gsvtrainer.transcript;

import gsvtrainer.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes upstream's dataset list ({@code .list}): UTF-8, one {@link TranscriptLine} per
 * line. Writes go through a temporary sibling moved into place, so a reader never sees half a file.
 */
public final class TranscriptList {

    private TranscriptList() {
    }

    /**
     * The lines of a list; blank lines are skipped, a BOM and CRLF endings are tolerated. A line
     * without four fields is an error (upstream would crash on it), reported with its number.
     */
    public static List<TranscriptLine> read(Path file) throws IOException {
        List<TranscriptLine> lines = new ArrayList<>();
        int number = 0;
        List<String> raws;
        try {
            raws = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new MalformedTranscriptException(file.getFileName() + " is not UTF-8 text");
        }
        for (String raw : raws) {
            number++;
            String line = number == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\\|", 4);
            if (fields.length < 4 || fields[0].isBlank()) {
                throw new MalformedTranscriptException(file.getFileName() + " line " + number + " is not path|speaker|LANG|text");
            }
            lines.add(new TranscriptLine(fields[0], fields[1], fields[2], fields[3]));
        }
        return lines;
    }

    /** Writes the lines atomically, each ending with a newline. */
    public static void write(Path file, List<TranscriptLine> lines) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line.format()).append('\n'));
        AtomicFiles.writeString(file, text);
    }
}
