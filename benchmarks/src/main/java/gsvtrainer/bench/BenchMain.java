package gsvtrainer.bench;

import gsvtrainer.client.EventInfo;
import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.PipelineRequest;
import gsvtrainer.client.StepRunInfo;
import gsvtrainer.client.TaskInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service benchmarks of docs/benchmarks.md, each against a live server started from the jar:
 * GET latency under load while a step runs, SSE fan-out, a 1 GB upload, per-step overhead, and the
 * audio preprocessing steps ({@link AudioBench}).
 * Usage: BenchMain JAR WORKDIR [which...] where which is latency, sse, upload, overhead, audio, upstream.
 */
public final class BenchMain {

    private final Path jar;
    private final Path work;
    private final List<String> report = new ArrayList<>();

    private BenchMain(Path jar, Path work) {
        this.jar = jar;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        BenchMain bench = new BenchMain(Path.of(args[0]), Files.createDirectories(Path.of(args[1])));
        Set<String> which = args.length > 2 ? Set.of(java.util.Arrays.copyOfRange(args, 2, args.length))
                : Set.of("latency", "sse", "upload", "overhead", "audio", "upstream");
        if (which.contains("overhead")) bench.stepOverhead();
        if (which.contains("latency")) bench.latency();
        if (which.contains("sse")) bench.sse();
        if (which.contains("upload")) bench.upload();
        if (which.contains("audio")) new AudioBench(bench.jar, bench.work, bench.report).run();
        if (which.contains("upstream")) new UpstreamChainBench(bench.jar, bench.work, bench.report).run();
        String text = String.join("\n", bench.report) + "\n";
        System.out.println(text);
        Files.writeString(bench.work.resolve("results.md"), text);
    }

    private LiveServer server(String name) throws Exception {
        return new LiveServer(jar, work.resolve(name));
    }

    /** A task with its audio converted and sliced, ready for short runs. */
    private String preparedTask(GsvTrainerClient client, double seconds) throws Exception {
        TaskInfo task = client.createTask("bench", Map.of("exp_name", "bench", "language", "en"));
        Path wav = Wavs.write(work.resolve("prepared-" + seconds + ".wav"), seconds, 32000, 1);
        client.uploadFile(task.taskId(), wav);
        client.runPipeline(task.taskId(), PipelineRequest.builder().to("slice_audio").build());
        client.waitForTerminal(task.taskId(), Duration.ofMinutes(10));
        return task.taskId();
    }

    void stepOverhead() throws Exception {
        try (LiveServer server = server("overhead")) {
            GsvTrainerClient client = server.client;
            String task = preparedTask(client, 20);
            List<Double> total = new ArrayList<>();
            List<Double> claim = new ArrayList<>();
            List<Double> handOver = new ArrayList<>();
            List<Double> prepare = new ArrayList<>();
            List<Double> record = new ArrayList<>();
            double loadBefore = Machine.load();
            for (int i = 0; i < 25; i++) {
                var run = client.runStep(task, "denoise_audio", Map.of("skip", true), true);
                client.waitForTerminal(task, Duration.ofMinutes(2));
                StepRunInfo info = client.getRun(task, run.runId());
                Map<String, Object> timing = timing(server.dataDir.resolve("tasks").resolve(task).resolve("runs")
                        .resolve(run.runId()).resolve("run.log"));
                long created = info.createdAt().toEpochMilli();
                long started = info.startedAt().toEpochMilli();
                long finished = info.finishedAt().toEpochMilli();
                long actionMs = ((Number) timing.get("action_ms")).longValue();
                long actionEnd = ((Number) timing.get("action_finished_at")).longValue();
                double runBegan = ((Number) timing.getOrDefault("run_began_at", Double.NaN)).doubleValue();
                if (i < 3) {
                    continue;
                }
                total.add((double) (finished - created - actionMs));
                claim.add((double) (started - created));
                handOver.add(runBegan - started);
                prepare.add(actionEnd - actionMs - runBegan);
                record.add((double) (finished - actionEnd));
            }
            report.add("### Per-step overhead (22 runs of a no-op step, after 3 warm-up runs; load average "
                    + loadBefore + " before, " + Machine.load() + " after)");
            report.add("| part | median ms | p90 ms |");
            report.add("|---|---|---|");
            report.add(row("queued → claimed (scheduler tick, dependency check, slot)", claim));
            report.add(row("claimed → a run process has the run (spec, standby hand-over or process start)", handOver));
            report.add(row("run process reads its spec, loads the step, decodes params", prepare));
            report.add(row("step ends → outcome recorded (exit seen, log drained, status saved)", record));
            report.add(row("**total overhead** (wall time − the step's own work)", total));
            report.add("");
        }
    }

    private static final int LATENCY_WINDOWS = 3;
    private static final int LATENCY_WINDOW_SECONDS = 20;

    /**
     * GET /api/v1/task/{id} at 200 requests/s, open loop (latency counted from the scheduled send),
     * from a fresh server's first request on, while the task's pipeline runs on a one-hour upload and,
     * once it is done, convert_audio again and again; reported per 20 s window, so that it shows how
     * latency settles as the JIT compiles the path, with the share of each window a step was running.
     */
    void latency() throws Exception {
        try (LiveServer server = server("latency")) {
            GsvTrainerClient client = server.client;
            TaskInfo task = client.createTask("latency", Map.of("exp_name", "lat"));
            Path wav = Wavs.write(work.resolve("latency.wav"), 3600, 44100, 2);
            client.uploadFile(task.taskId(), wav);
            Files.delete(wav);
            client.runPipeline(task.taskId(), PipelineRequest.builder().to("denoise_audio").build());
            ExecutorService senders = Executors.newFixedThreadPool(8);
            HttpClient http = HttpClient.newBuilder().executor(senders).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/task/" + task.taskId()))
                    .timeout(Duration.ofSeconds(10)).build();
            List<ConcurrentLinkedQueue<Long>> latencies = new ArrayList<>();
            List<AtomicInteger> sent = new ArrayList<>();
            List<AtomicInteger> failures = new ArrayList<>();
            for (int w = 0; w < LATENCY_WINDOWS; w++) {
                latencies.add(new ConcurrentLinkedQueue<>());
                sent.add(new AtomicInteger());
                failures.add(new AtomicInteger());
            }
            ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2);
            long begin = System.nanoTime();
            List<AtomicInteger> checks = new ArrayList<>();
            List<AtomicInteger> busy = new ArrayList<>();
            for (int w = 0; w < LATENCY_WINDOWS; w++) {
                checks.add(new AtomicInteger());
                busy.add(new AtomicInteger());
            }
            ticker.scheduleWithFixedDelay(() -> {
                int w = (int) Math.min(LATENCY_WINDOWS - 1, (System.nanoTime() - begin) / 1_000_000_000L / LATENCY_WINDOW_SECONDS);
                checks.get(w).incrementAndGet();
                try {
                    if (client.getTask(task.taskId()).status().isTerminal()) {
                        client.runStep(task.taskId(), "convert_audio", Map.of(), true);
                    } else {
                        busy.get(w).incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    System.err.println("keeping a step running: " + e);
                }
            }, 0, 250, TimeUnit.MILLISECONDS);
            ticker.scheduleAtFixedRate(() -> {
                long at = System.nanoTime();
                int w = (int) Math.min(LATENCY_WINDOWS - 1, (at - begin) / 1_000_000_000L / LATENCY_WINDOW_SECONDS);
                sent.get(w).incrementAndGet();
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                    if (e != null || r.statusCode() != 200) {
                        failures.get(w).incrementAndGet();
                    } else {
                        latencies.get(w).add(System.nanoTime() - at);
                    }
                });
            }, 0, 5, TimeUnit.MILLISECONDS);
            double[] cpu = new double[LATENCY_WINDOWS + 1];
            double[] load = new double[LATENCY_WINDOWS];
            cpu[0] = server.cpuSeconds();
            for (int w = 0; w < LATENCY_WINDOWS; w++) {
                Thread.sleep(LATENCY_WINDOW_SECONDS * 1000L);
                cpu[w + 1] = server.cpuSeconds();
                load[w] = Machine.load();
            }
            ticker.shutdownNow();
            Thread.sleep(1000);
            senders.shutdownNow();
            report.add("### GET /api/v1/task/{id} at 200 requests/s from a fresh server's start while steps run");
            report.add("(convert → slice → denoise of a one-hour 44.1 kHz stereo upload, then convert_audio again "
                    + "whenever it ended; answers counted until 1 s after the last send)");
            report.add("| seconds since the first GET | a step running | sent | answered | errors | p50 ms | p99 ms "
                    + "| max ms | server CPU per answer | load avg |");
            report.add("|---|---|---|---|---|---|---|---|---|---|");
            for (int w = 0; w < LATENCY_WINDOWS; w++) {
                List<Double> ms = latencies.get(w).stream().map(n -> n / 1e6).sorted().toList();
                report.add(String.format("| %d–%d | %.0f%% | %d | %d | %d | %.1f | %.1f | %.1f | %.2f ms | %.1f |",
                        w * LATENCY_WINDOW_SECONDS, (w + 1) * LATENCY_WINDOW_SECONDS,
                        100.0 * busy.get(w).get() / Math.max(1, checks.get(w).get()), sent.get(w).get(), ms.size(),
                        failures.get(w).get(), pct(ms, 50), pct(ms, 99), ms.isEmpty() ? Double.NaN : ms.get(ms.size() - 1),
                        1000 * (cpu[w + 1] - cpu[w]) / Math.max(1, ms.size()), load[w]));
            }
            report.add("");
            client.cancel(task.taskId());
        }
    }

    void sse() throws Exception {
        try (LiveServer server = server("sse")) {
            GsvTrainerClient client = server.client;
            TaskInfo task = client.createTask("sse", Map.of("exp_name", "sse"));
            client.uploadFile(task.taskId(), Wavs.write(work.resolve("sse.wav"), 300, 44100, 2));
            List<List<Long>> received = new CopyOnWriteArrayList<>();
            List<AutoCloseable> subscriptions = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                List<Long> ids = Collections.synchronizedList(new ArrayList<>());
                received.add(ids);
                subscriptions.add(client.streamEvents(task.taskId(), 0, (EventInfo e) -> ids.add(e.id())));
            }
            Thread.sleep(2000);
            client.runPipeline(task.taskId(), PipelineRequest.builder().to("denoise_audio").build());
            client.waitForTerminal(task.taskId(), Duration.ofMinutes(10));
            List<Long> stored = new ArrayList<>();
            long after = 0;
            while (true) {
                var page = client.listEvents(task.taskId(), after, 1000);
                page.events().forEach(e -> stored.add(e.id()));
                if (page.events().isEmpty()) {
                    break;
                }
                after = page.nextAfter();
            }
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline
                    && received.stream().anyMatch(ids -> ids.size() < stored.size())) {
                Thread.sleep(200);
            }
            for (AutoCloseable s : subscriptions) {
                s.close();
            }
            long complete = received.stream().filter(ids -> ids.equals(stored)).count();
            report.add("### 100 concurrent SSE subscribers of one task during a pipeline run");
            report.add("| subscribers | events stored | subscribers that got every event, in order |");
            report.add("|---|---|---|");
            report.add("| 100 | " + stored.size() + " | " + complete + " |");
            report.add("");
        }
    }

    void upload() throws Exception {
        Path big = Wavs.write(work.resolve("one-gigabyte.wav"), 1_073_741_824.0 / (44100 * 4), 44100, 2);
        try (LiveServer server = server("upload")) {
            GsvTrainerClient client = server.client;
            TaskInfo task = client.createTask("upload", Map.of("exp_name", "up"));
            client.uploadFile(task.taskId(), Wavs.write(work.resolve("warm.wav"), 5, 16000, 1));
            System.gc();
            double[] before = server.rssMiB();
            ConcurrentHashMap<String, Double> peak = new ConcurrentHashMap<>(Map.of("rss", before[0]));
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> {
                try {
                    peak.merge("rss", server.rssMiB()[0], Math::max);
                } catch (Exception ignored) {
                    // the server may be between states
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            client.uploadFile(task.taskId(), big);
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.shutdownNow();
            double[] after = server.rssMiB();
            double size = Files.size(big) / 1_048_576.0;
            report.add("### One 1 GiB upload (WAV, streamed by the Java client)");
            report.add("| size | time | throughput | server RSS before | peak during | growth |");
            report.add("|---|---|---|---|---|---|");
            report.add(String.format("| %.0f MiB | %.1f s | %.0f MiB/s | %.0f MiB | %.0f MiB | %.0f MiB |", size, seconds,
                    size / seconds, before[0], peak.get("rss"), peak.get("rss") - before[0]));
            report.add("");
        } finally {
            Files.deleteIfExists(big);
        }
    }

    /** The {@code timing} line a step process writes to its run log. */
    static Map<String, Object> timing(Path log) throws Exception {
        for (String line : Files.readAllLines(log)) {
            int at = line.indexOf("::gsv:: ");
            if (at >= 0 && line.contains("\"type\":\"timing\"")) {
                return tools.jackson.databind.json.JsonMapper.builder().build()
                        .readValue(line.substring(at + 8), Map.class);
            }
        }
        throw new IllegalStateException("no timing line in " + log);
    }

    private static String row(String label, List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format("| %s | %.0f | %.0f |", label, pct(sorted, 50), pct(sorted, 90));
    }

    private static double pct(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
