package gsvtrainer.bench;

import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.PipelineRequest;
import gsvtrainer.client.StepRunInfo;
import gsvtrainer.client.TaskInfo;
import gsvtrainer.client.TaskStatus;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Issue 4's benchmark: the feature and training chain of a GPT-SoVITS v1 voice run through the service,
 * then the same upstream scripts run by hand, as webui runs them, on the same clips with the same
 * configs and the same tiny stand-in models. Service overhead = service wall time − by-hand wall time.
 * Needs a checkout and its Python environment (GSV_UPSTREAM_DIR, GSV_UPSTREAM_PYTHON, default
 * ~/.cache/gsv-trainer) and Debian's pocketsphinx for the ASR step that precedes the chain.
 */
final class UpstreamChainBench {

    private static final List<String> CHAIN = List.of("extract_text_features", "extract_audio_features",
            "extract_semantic_features", "train_sovits", "train_gpt");
    private static final List<String> SPOKEN = List.of("en_1", "en_2", "en_3");
    /** Chinese lines of about the clips' length (upstream's GPT dataset keeps 3-25 phonemes a second). */
    private static final List<String> CHINESE = List.of("今天天气很好，我们去公园散步吧。", "请你把这些东西带到楼上去。",
            "训练声音需要干净的录音和准确的文本。");
    private static final Path HOME = Path.of(System.getProperty("user.home"), ".cache", "gsv-trainer");
    /** The real-upstream tier's small models (RealUpstreamTierTest): one CPU epoch in minutes. */
    private static final Map<String, Object> SOVITS_OVERRIDES = Map.of("train.segment_size", 2560,
            "model.upsample_initial_channel", 32, "model.resblock_kernel_sizes", List.of(3),
            "model.resblock_dilation_sizes", List.of(List.of(1, 3, 5)), "model.filter_channels", 64, "model.n_layers", 2);
    private static final Map<String, Object> GPT_OVERRIDES = Map.of("model.n_layer", 2, "model.embedding_dim", 128,
            "model.hidden_dim", 128, "model.head", 4, "model.linear_units", 256);
    private static final String GPT_OVERRIDES_JSON = "{\"model.n_layer\": 2, \"model.embedding_dim\": 128, "
            + "\"model.hidden_dim\": 128, \"model.head\": 4, \"model.linear_units\": 256}";

    private final Path jar;
    private final Path work;
    private final List<String> report;
    private final Path checkout = Path.of(env("GSV_UPSTREAM_DIR", HOME.resolve("upstream").toString()));
    private final String python = env("GSV_UPSTREAM_PYTHON", HOME.resolve("venv/bin/python").toString());

    UpstreamChainBench(Path jar, Path work, List<String> report) {
        this.jar = jar;
        this.work = work.resolve("upstream-chain");
        this.report = report;
    }

    void run() throws Exception {
        report.add("## GPT-SoVITS feature + training chain: service vs the upstream scripts by hand");
        if (!Files.isDirectory(checkout.resolve("GPT_SoVITS")) || !Files.isExecutable(Path.of(python))) {
            report.add("Skipped: no checkout at " + checkout + " or no interpreter at " + python + ".");
            return;
        }
        report.add("Machine: " + Machine.describe() + ". Checkout " + checkout + "; version v1, Chinese text, CPU, "
                + "full precision, 1 epoch each, tiny random stand-in models (make_tiny_pretrained.py) and the real-upstream "
                + "tier's small-model overrides.");
        Path pretrained = work.resolve("pretrained");
        generateStandins(pretrained);
        Map<String, String> env = Map.of("GSV_UPSTREAM_DIR", checkout.toString(), "GSV_UPSTREAM_PYTHON", python,
                "GSV_PRETRAINED_DIR", pretrained.toString(), "GSV_GPUS", "");
        Map<String, StepRunInfo> cold;
        Map<String, StepRunInfo> warm;
        Path workspace;
        double[] serverCpu = new double[2];
        double loadBefore = Machine.load();
        try (LiveServer server = new LiveServer(jar, work.resolve("service"), env)) {
            GsvTrainerClient client = server.client;
            String first = datasetThroughAsr(server, "chain-cold");
            String second = datasetThroughAsr(server, "chain-warm");
            double cpu0 = server.cpuSeconds();
            cold = chain(client, first);
            double cpu1 = server.cpuSeconds();
            warm = chain(client, second);
            serverCpu[0] = cpu1 - cpu0;
            serverCpu[1] = server.cpuSeconds() - cpu1;
            workspace = server.dataDir.resolve("tasks").resolve(second);
        }
        double loadMid = Machine.load();
        Map<String, Double> hand = new ByHand(checkout, python, pretrained, workspace, work.resolve("hand")).run(warm);
        double loadAfter = Machine.load();

        report.add("1-minute load average: " + loadBefore + " before, " + loadMid + " between, " + loadAfter + " after.");
        report.add("Two tasks with the same clips and params go through one server, one after the other: the first "
                + "chain meets a server that has just started (its JIT compiling, its class archive and standby run "
                + "process being made), the second a warmed-up one. Then the server stops and the scripts run by hand "
                + "on the second task's data and configs. Service time = queued → outcome recorded (run record).");
        report.add("");
        report.add("| step | service, first chain s | service, second chain s | by hand s | overhead s (first / second) "
                + "| overhead % (first / second) |");
        report.add("|---|---|---|---|---|---|");
        double[] sums = new double[3];
        for (String step : CHAIN) {
            double first = seconds(cold.get(step));
            double second = seconds(warm.get(step));
            double byHand = hand.get(step);
            sums[0] += first;
            sums[1] += second;
            sums[2] += byHand;
            report.add(String.format("| %s | %.1f | %.1f | %.1f | %+.1f / %+.1f | %+.1f%% / %+.1f%% |", step, first, second,
                    byHand, first - byHand, second - byHand, 100 * (first - byHand) / first, 100 * (second - byHand) / second));
        }
        report.add(String.format("| **chain** | %.1f | %.1f | %.1f | %+.1f / %+.1f | **%+.1f%% / %+.1f%%** |", sums[0], sums[1],
                sums[2], sums[0] - sums[2], sums[1] - sums[2], 100 * (sums[0] - sums[2]) / sums[0],
                100 * (sums[1] - sums[2]) / sums[1]));
        report.add("");
        report.add(String.format("CPU time of the server process (all its threads, from /proc) during each chain: "
                + "%.1f s first, %.1f s second. Target: overhead ≤ 5%% of wall time.", serverCpu[0], serverCpu[1]));
    }

    private static Map<String, StepRunInfo> chain(GsvTrainerClient client, String task) throws Exception {
        Map<String, StepRunInfo> runs = new LinkedHashMap<>();
        for (String step : CHAIN) {
            runs.put(step, runToEnd(client, task, step));
        }
        return runs;
    }

    private static double seconds(StepRunInfo run) {
        return Duration.between(run.createdAt(), run.finishedAt()).toMillis() / 1000.0;
    }

    private void generateStandins(Path pretrained) throws Exception {
        Path script = Path.of("server/src/test/resources/python/make_tiny_pretrained.py").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(python, "-s", script.toString(), "--out", pretrained.toString(),
                "--version", "v1", "--s1-overrides", GPT_OVERRIDES_JSON).directory(checkout.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("pretrained.log").toFile());
        Files.createDirectories(work);
        builder.environment().put("PYTHONPATH", ByHand.pythonPath(checkout));
        if (builder.start().waitFor() != 0) {
            throw new IllegalStateException("make_tiny_pretrained.py failed; see " + work.resolve("pretrained.log"));
        }
    }

    /** Uploads three spoken sentences, converts, slices and transcribes them, then gives them Chinese text. */
    private String datasetThroughAsr(LiveServer server, String name) throws Exception {
        GsvTrainerClient client = server.client;
        TaskInfo task = client.createTask(name, Map.of("exp_name", "chain", "version", "v1", "language", "zh",
                "batch_size", 8));
        for (String clip : SPOKEN) {
            client.uploadFile(task.taskId(), SpeechInput.FIXTURES.resolve(clip + ".wav"));
        }
        client.runPipeline(task.taskId(), PipelineRequest.builder().to("asr_transcribe").skip("denoise_audio")
                .params("asr_transcribe", Map.of("backend", "pocketsphinx", "language", "en")).build());
        TaskInfo done = client.waitForTerminal(task.taskId(), Duration.ofMinutes(10));
        if (done.status() != TaskStatus.COMPLETED) {
            throw new IllegalStateException("preparing the dataset ended " + done.status() + ": " + done.errorText());
        }
        HttpClient http = HttpClient.newHttpClient();
        String base = server.url() + "/api/v1/task/" + task.taskId() + "/transcript";
        String list = http.send(HttpRequest.newBuilder(URI.create(base + "?page=0&size=100")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        List<String> names = Pattern.compile("\"name\":\"([^\"]+)\"").matcher(list).results().map(m -> m.group(1)).toList();
        if (names.size() != CHINESE.size()) {
            throw new IllegalStateException("expected " + CHINESE.size() + " clips, the transcript has: " + list);
        }
        for (int i = 0; i < names.size(); i++) {
            HttpResponse<String> edited = http.send(HttpRequest.newBuilder(URI.create(base + "/" + names.get(i)))
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"text\": \"" + CHINESE.get(i)
                            + "\", \"language\": \"zh\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (edited.statusCode() != 200) {
                throw new IllegalStateException("transcript edit of " + names.get(i) + ": " + edited.statusCode() + " " + edited.body());
            }
        }
        return task.taskId();
    }

    private static StepRunInfo runToEnd(GsvTrainerClient client, String task, String step) throws Exception {
        Map<String, Object> params = switch (step) {
            case "train_sovits" -> Map.of("total_epoch", 1, "save_every_epoch", 1, "overrides", SOVITS_OVERRIDES);
            case "train_gpt" -> Map.of("total_epoch", 1, "save_every_epoch", 1, "overrides", GPT_OVERRIDES);
            default -> Map.of();
        };
        String runId = client.runStep(task, step, params, false).runId();
        while (true) {
            StepRunInfo run = client.getRun(task, runId);
            if (run.finishedAt() != null) {
                if (!"succeeded".equalsIgnoreCase(String.valueOf(run.status()))) {
                    throw new IllegalStateException(step + " ended " + run.status() + ": " + run.error());
                }
                return run;
            }
            Thread.sleep(200);
        }
    }

    private static String env(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value;
    }

    /** The same scripts, run one after another as webui runs them: checkout as working dir, env vars in. */
    private record ByHand(Path checkout, String python, Path pretrained, Path service, Path root) {

        static String pythonPath(Path checkout) {
            return List.of("", "GPT_SoVITS", "GPT_SoVITS/BigVGAN", "tools", "tools/asr", "tools/uvr5").stream()
                    .map(p -> p.isEmpty() ? checkout.toString() : checkout.resolve(p).toString())
                    .collect(Collectors.joining(File.pathSeparator));
        }

        Map<String, Double> run(Map<String, StepRunInfo> runs) throws Exception {
            Path exp = Files.createDirectories(root.resolve("exp"));
            Path list = service.resolve("asr/transcript.list");
            String firstClip = Files.readAllLines(list).get(0).split("\\|")[0];
            Path wavDir = service.resolve(firstClip).normalize().getParent();
            Map<String, String> common = new LinkedHashMap<>(Map.of("inp_text", list.toString(), "inp_wav_dir",
                    wavDir.toString(), "exp_name", "chain", "opt_dir", exp.toString(), "is_half", "False", "i_part", "0",
                    "all_parts", "1", "_CUDA_VISIBLE_DEVICES", "0", "version", "v1"));
            Map<String, Double> seconds = new LinkedHashMap<>();
            seconds.put("extract_text_features", timed("GPT_SoVITS/prepare_datasets/1-get-text.py", List.of(),
                    with(common, "bert_pretrained_dir", pretrained.resolve("chinese-roberta-wwm-ext-large").toString()),
                    () -> merge(exp, "2-name2text-0.txt", "2-name2text.txt", null)));
            seconds.put("extract_audio_features", timed("GPT_SoVITS/prepare_datasets/2-get-hubert-wav32k.py", List.of(),
                    with(common, "cnhubert_base_dir", pretrained.resolve("chinese-hubert-base").toString()), () -> { }));
            Map<String, String> semantic = with(common, "pretrained_s2G", pretrained.resolve("s2G488k.pth").toString());
            semantic.put("s2config_path", "GPT_SoVITS/configs/s2.json");
            seconds.put("extract_semantic_features", timed("GPT_SoVITS/prepare_datasets/3-get-semantic.py", List.of(), semantic,
                    () -> merge(exp, "6-name2semantic-0.tsv", "6-name2semantic.tsv", "item_name\tsemantic_audio")));
            Path s2 = rewritten(service.resolve("runs/" + runs.get("train_sovits").runId() + "/s2.json"));
            Files.createDirectories(exp.resolve("logs_s2_v1"));
            Files.createDirectories(root.resolve("weights/sovits"));
            seconds.put("train_sovits", timed("GPT_SoVITS/s2_train.py", List.of("--config", s2.toString()),
                    Map.of("version", "v1", "_CUDA_VISIBLE_DEVICES", ""), () -> { }));
            Path s1 = rewritten(service.resolve("runs/" + runs.get("train_gpt").runId() + "/s1.yaml"));
            Files.createDirectories(root.resolve("weights/gpt"));
            seconds.put("train_gpt", timed("GPT_SoVITS/s1_train.py", List.of("--config_file", s1.toString()),
                    Map.of("version", "v1", "hz", "25hz", "_CUDA_VISIBLE_DEVICES", ""), () -> { }));
            return seconds;
        }

        private static Map<String, String> with(Map<String, String> common, String key, String value) {
            Map<String, String> env = new LinkedHashMap<>(common);
            env.put(key, value);
            return env;
        }

        /** The service's generated config with its workspace swapped for the by-hand folder. */
        private Path rewritten(Path config) throws Exception {
            String text = Files.readString(config).replace(service.toString(), root.toString());
            return Files.writeString(root.resolve(config.getFileName()), text);
        }

        private double timed(String script, List<String> args, Map<String, String> env, Step after) throws Exception {
            List<String> command = new ArrayList<>(List.of(python, "-s", script));
            command.addAll(args);
            Path log = root.resolve(Path.of(script).getFileName() + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("PYTHONPATH", pythonPath(checkout));
            builder.environment().putAll(env);
            long t0 = System.nanoTime();
            int exit = builder.start().waitFor();
            after.run();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (exit != 0) {
                throw new IllegalStateException(script + " exited " + exit + "; see " + log);
            }
            return seconds;
        }

        /** webui's merge of one part: stripped of newlines, a header line first where it has one. */
        private static void merge(Path exp, String part, String whole, String header) throws Exception {
            String body = Files.readString(exp.resolve(part)).replaceAll("^\n+|\n+$", "");
            Files.writeString(exp.resolve(whole), (header == null ? "" : header + "\n") + body + "\n");
            Files.delete(exp.resolve(part));
        }

        private interface Step {
            void run() throws Exception;
        }
    }
}
