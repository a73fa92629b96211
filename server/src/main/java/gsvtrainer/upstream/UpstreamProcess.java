package gsvtrainer.upstream;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One upstream script started as webui starts it ({@code <python> -s <script> args}) in the run's
 * working directory, with upstream's import path, its output going to a log file (never a pipe) that
 * is followed line by line.
 */
final class UpstreamProcess {

    private final Process process;
    private final Path log;

    private UpstreamProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    private static final String SYSTEM_TEMP = System.getProperty("java.io.tmpdir", "/tmp");

    static UpstreamProcess start(UpstreamCheckout checkout, WorkingDir cwd, String script, List<String> args,
                                 Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(checkout.python(), "-s", script));
        command.addAll(args);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(cwd.dir().toFile())
                .redirectInput(new File("/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("PYTHONPATH", checkout.pythonPath());
        environment.put("PYTHONUNBUFFERED", "1");
        environment.put("TEMP", cwd.temp().toString());
        // Python's tempfile prefers TMPDIR to TEMP. It stays the system's short temp dir: DataLoader workers
        // pass tensors over Unix sockets created there, whose paths must fit in 108 bytes, which a run's
        // TEMP under the data dir may not (bind fails with "AF_UNIX path too long").
        environment.put("TMPDIR", SYSTEM_TEMP);
        environment.putAll(env);
        return new UpstreamProcess(builder.start(), log);
    }

    Path log() {
        return log;
    }

    private LogTail following;

    /**
     * Hands the lines written since the last call to {@code lines} (the same consumer each time); the
     * exit code once the process has ended and its output is read to the end.
     */
    java.util.OptionalInt poll(Consumer<String> lines) throws IOException {
        if (following == null) {
            following = new LogTail(log, lines);
        }
        boolean ended = !process.isAlive();
        following.poll(ended);
        return ended ? java.util.OptionalInt.of(process.exitValue()) : java.util.OptionalInt.empty();
    }

    /** Kills the process and what it started (a shard that need not finish once another failed). */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Waits for the process, handing each line of its output to {@code lines}; returns its exit code. */
    int waitFor(Consumer<String> lines) throws IOException, InterruptedException {
        LogTail tail = new LogTail(log, lines);
        while (process.isAlive()) {
            tail.poll(false);
            process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        tail.poll(true);
        return process.exitValue();
    }

    /** The last lines of the log, for a failure message. */
    String tail(int count) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
