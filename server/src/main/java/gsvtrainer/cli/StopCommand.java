package gsvtrainer.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Stops a server started with {@code serve} (foreground or daemon) through its pid file. */
@Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the running server.")
public class StopCommand implements Callable<Integer> {

    @Mixin
    ServerOptions server;

    @Option(names = "--force", description = "SIGKILL the server if it has not stopped after --timeout")
    boolean force;

    @Option(names = "--kill", description = "SIGKILL the server at once")
    boolean kill;

    @Option(names = "--cleanup", description = "Also remove a stale pid file and leftover upload temp files")
    boolean cleanup;

    @Option(names = "--timeout", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long to wait for a graceful stop, e.g. 30s, 2m or 60 (seconds); default 30s")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        Path dataDir = server.resolvedDataDir();
        Path pidFile = dataDir.resolve(ServeCommand.PID_FILE);
        Optional<ProcessHandle> process = serverOf(pidFile);
        int code = 0;
        if (process.isEmpty() || !process.get().isAlive()) {
            System.out.println("no gsv-trainer server is running for " + dataDir);
        } else if (!isGsvTrainer(process.get())) {
            System.err.println("pid " + process.get().pid() + " in " + pidFile + " is not a gsv-trainer server (a stale "
                    + "pid file whose number another process has now); nothing was stopped; --cleanup removes the file");
            code = 1;
        } else if (!stop(process.get())) {
            System.err.println("the server (pid " + process.get().pid() + ") did not stop; use --force or --kill");
            code = 1;
        } else {
            System.out.println("stopped gsv-trainer (pid " + process.get().pid() + ")");
        }
        if (cleanup || code == 0) {
            Files.deleteIfExists(pidFile);
        }
        if (cleanup) {
            cleanTmp(dataDir.resolve("tmp"));
        }
        return code;
    }

    /** The process the pid file names; none when it is missing or does not hold a pid. */
    static Optional<ProcessHandle> serverOf(Path pidFile) throws java.io.IOException {
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (NumberFormatException e) {
            System.err.println(pidFile + " holds no pid; --cleanup removes it");
            return Optional.empty();
        }
    }

    /** A JVM running gsv-trainer, as far as its command line can be read (where it cannot, it is trusted). */
    static boolean isGsvTrainer(ProcessHandle process) {
        return process.info().commandLine().map(c -> c.contains("gsv-trainer") || c.contains("gsvtrainer"))
                .orElse(true);
    }

    private boolean stop(ProcessHandle process) throws InterruptedException {
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        if (await(process, timeout)) {
            return true;
        }
        if (force) {
            process.destroyForcibly();
            return await(process, Duration.ofSeconds(10));
        }
        return false;
    }

    private static boolean await(ProcessHandle process, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return !process.isAlive();
    }

    private static void cleanTmp(Path tmp) throws java.io.IOException {
        if (!Files.isDirectory(tmp)) {
            return;
        }
        try (var files = Files.list(tmp)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
