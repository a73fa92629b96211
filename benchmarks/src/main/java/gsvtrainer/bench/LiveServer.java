package gsvtrainer.bench;

import gsvtrainer.client.GsvTrainerClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A gsv-trainer server started from the built jar on a free port with its own data dir. */
final class LiveServer implements AutoCloseable {

    final Path dataDir;
    final int port;
    final Process process;
    final GsvTrainerClient client;

    LiveServer(Path jar, Path dataDir, String... extraArgs) throws Exception {
        this(jar, dataDir, Map.of(), extraArgs);
    }

    /** A server with extra environment variables (its {@code GSV_*} settings). */
    LiveServer(Path jar, Path dataDir, Map<String, String> env, String... extraArgs) throws Exception {
        this.dataDir = dataDir;
        this.port = freePort();
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", jar.toAbsolutePath().toString(), "serve", "--port",
                Integer.toString(port), "--data-dir", dataDir.toString(), "--log-level", "WARN"));
        command.addAll(List.of(extraArgs));
        Files.createDirectories(dataDir);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile());
        builder.environment().putAll(env);
        process = builder.start();
        client = GsvTrainerClient.builder(url()).requestTimeout(Duration.ofMinutes(30)).build();
        awaitHealthy();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Resident set size and its peak, in MiB, from /proc. */
    double[] rssMiB() throws IOException {
        double rss = 0;
        double peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            } else if (line.startsWith("VmHWM:")) {
                peak = Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return new double[] {rss, peak};
    }

    /** CPU time the server process has used so far (all its threads: requests, executor, JIT, GC), from /proc. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private void awaitHealthy() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(300);
            }
        }
        throw new IllegalStateException("server did not start; see " + dataDir.resolve("server.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
