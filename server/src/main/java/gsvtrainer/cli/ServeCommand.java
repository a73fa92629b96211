package gsvtrainer.cli;

import gsvtrainer.GsvTrainerApplication;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the HTTP API and, while it holds the scheduler lease, the executor. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the REST API (and run steps).")
public class ServeCommand implements Callable<Integer> {

    static final String PID_FILE = "gsv-trainer.pid";

    @Mixin
    ServerOptions server;

    @Option(names = "--host", description = "Address to listen on (default: $GSV_HOST or 127.0.0.1)")
    String host;

    @Option(names = "--port", description = "Port (default: $GSV_PORT or 8000)")
    Integer port;

    @Option(names = "--dev", description = "Development mode: debug logging")
    boolean dev;

    @Option(names = "--prod", description = "Production mode: API keys required even on loopback")
    boolean prod;

    @Option(names = "--no-executor", description = "Serve the API only; a separate 'worker' runs the steps")
    boolean noExecutor;

    @Option(names = "--daemon", description = "Run in the background; logs to DATA/gsv-trainer.log")
    boolean daemon;

    @Override
    public Integer call() throws Exception {
        Path dataDir = server.resolvedDataDir();
        if (daemon) {
            return Daemon.start(dataDir, withoutDaemonFlag());
        }
        List<String> args = new ArrayList<>(server.springArgs());
        if (host != null) {
            args.add("--server.address=" + host);
        }
        if (port != null) {
            args.add("--server.port=" + port);
        }
        if (dev) {
            args.add("--logging.level.gsvtrainer=DEBUG");
        }
        if (prod) {
            args.add("--gsv.auth-required=true");
        }
        if (noExecutor) {
            args.add("--gsv.executor.enabled=false");
        }
        Path pidFile = dataDir.resolve(PID_FILE);
        ConfigurableApplicationContext context = SpringApplication.run(GsvTrainerApplication.class,
                args.toArray(String[]::new));
        if (!context.isActive()) {
            return 1;
        }
        // written once the server serves (a server that failed to start, say on a busy port, leaves the
        // running one's file alone) and removed at exit only while it still names this process
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deletePidFile(pidFile)));
        return 0;
    }

    private List<String> withoutDaemonFlag() {
        List<String> args = new ArrayList<>(List.of("serve"));
        ProcessHandle.current().info().arguments().ifPresent(a -> {
            boolean afterServe = false;
            for (String arg : a) {
                if (afterServe && !arg.equals("--daemon")) {
                    args.add(arg);
                }
                afterServe |= arg.equals("serve");
            }
        });
        return args;
    }

    private static void deletePidFile(Path pidFile) {
        try {
            String pid = Files.exists(pidFile) ? Files.readString(pidFile).trim() : "";
            if (pid.equals(Long.toString(ProcessHandle.current().pid()))) {
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException ignored) {
            // best effort at shutdown
        }
    }

    /** Starts the same launcher again in its own session, in the background. */
    static final class Daemon {
        private static final java.time.Duration STARTUP_TIMEOUT = java.time.Duration.ofMinutes(3);

        private Daemon() {
        }

        static int start(Path dataDir, List<String> args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("setsid",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(p -> Path.of(p).toAbsolutePath().toString())
                    .collect(java.util.stream.Collectors.joining(File.pathSeparator));
            if (classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator)) {
                command.addAll(List.of("-jar", classPath));
            } else {
                command.addAll(List.of("-cp", classPath, "gsvtrainer.Main"));
            }
            command.addAll(args);
            Path log = dataDir.resolve("gsv-trainer.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(new File("/dev/null")).start();
            // the server writes its pid file once it serves: wait for that, or for it to exit
            Path pidFile = dataDir.resolve(PID_FILE);
            String pid = Long.toString(process.pid());
            long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    System.err.println("the server exited while starting (code " + process.exitValue() + "); see " + log);
                    return 1;
                }
                if (Files.exists(pidFile) && Files.readString(pidFile).trim().equals(pid)) {
                    System.out.println("gsv-trainer started in the background, pid " + pid + ", log " + log);
                    return 0;
                }
                Thread.sleep(250);
            }
            System.err.println("the server (pid " + pid + ") is not serving after " + STARTUP_TIMEOUT.toSeconds()
                    + " s; it keeps starting in the background; see " + log);
            return 1;
        }
    }
}
