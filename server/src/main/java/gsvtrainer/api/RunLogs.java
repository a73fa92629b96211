package gsvtrainer.api;

import gsvtrainer.files.Workspaces;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.steprun.StepRunRepository;
import gsvtrainer.steprun.channel.ChannelMessage;
import gsvtrainer.steprun.channel.RunChannel;
import gsvtrainer.task.Task;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads runs' log files for people: channel lines become readable lines (log and error messages)
 * or are left out (progress, metrics, heartbeats, which are events).
 */
@Component
class RunLogs {

    static final int TASK_LOG_LIMIT = 256 * 1024;
    private static final int MAX_READ = 1 << 20;

    private final StepRunRepository runs;
    private final Workspaces workspaces;

    RunLogs(StepRunRepository runs, Workspaces workspaces) {
        this.runs = runs;
        this.workspaces = workspaces;
    }

    String taskLog(Task task) {
        StringBuilder all = new StringBuilder();
        for (StepRun run : runs.findByTask(task.id())) {
            all.append("===== ").append(run.step()).append(" (attempt ").append(run.attempt()).append(", ")
                    .append(run.status().wireName()).append(") =====\n");
            for (String line : lines(logFile(run))) {
                readable(line).ifPresent(l -> all.append(l).append('\n'));
            }
        }
        return all.length() <= TASK_LOG_LIMIT ? all.toString() : all.substring(all.length() - TASK_LOG_LIMIT);
    }

    /** Readable lines of the log's complete lines, and the offset just after them. */
    record Tail(List<String> lines, long offset) {
    }

    /** The last {@code tail} readable lines of a run's log (all when tail <= 0), up to its last complete line. */
    Tail tail(StepRun run, int tail) {
        Deque<String> kept = new ArrayDeque<>();
        byte[] bytes = bytes(logFile(run));
        int end = completeLines(bytes);
        for (String line : decode(bytes, end).split("\n")) {
            readable(line).ifPresent(l -> {
                kept.addLast(l);
                if (tail > 0 && kept.size() > tail) {
                    kept.removeFirst();
                }
            });
        }
        return new Tail(List.copyOf(kept), end);
    }

    Path logFile(StepRun run) {
        return workspaces.of(run.taskId()).run(run.id()).resolve("run.log");
    }

    /** Reads the readable lines appended after {@code offset}; returns the new offset. */
    long readFrom(Path file, long offset, java.util.function.Consumer<String> sink) throws IOException {
        if (!Files.exists(file)) {
            return offset;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return offset;
            }
            byte[] buffer = new byte[(int) Math.min(length - offset, MAX_READ)];
            in.seek(offset);
            in.readFully(buffer);
            int end = completeLines(buffer);
            if (end == 0 && buffer.length == MAX_READ) {
                end = buffer.length; // a MiB without a newline: hand it over as a line rather than wait forever
            }
            for (String line : decode(buffer, end).split("\n")) {
                readable(line).ifPresent(sink);
            }
            return offset + end;
        }
    }

    private static List<String> lines(Path file) {
        byte[] bytes = bytes(file);
        return bytes.length == 0 ? List.of() : List.of(decode(bytes, bytes.length).split("\n"));
    }

    /** The length of {@code bytes} up to and including its last newline. */
    private static int completeLines(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return end;
    }

    /** The file's bytes; none when it is missing or unreadable. */
    private static byte[] bytes(Path file) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.min(in.length(), Integer.MAX_VALUE - 8)];
            in.readFully(bytes);
            return bytes;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** UTF-8, with a malformed byte (a tool writing Latin-1, a cut character) shown as U+FFFD, not failing the log. */
    private static String decode(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    static Optional<String> readable(String raw) {
        String line = raw.substring(raw.lastIndexOf('\r', Math.max(0, raw.length() - 2)) + 1);
        Optional<ChannelMessage> message = RunChannel.decode(line);
        if (message.isEmpty()) {
            return line.isBlank() ? Optional.empty() : Optional.of(line);
        }
        return switch (message.get().type()) {
            case "log" -> Optional.of("[" + message.get().text("level") + "] " + message.get().text("message"));
            case "error" -> Optional.of("[error] " + message.get().text("code") + ": " + message.get().text("message"));
            default -> Optional.empty();
        };
    }
}
