package gsvtrainer.upstream;

import gsvtrainer.config.Json;
import gsvtrainer.testsupport.ServerTest;
import gsvtrainer.testsupport.TestAudio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real server (two fake GPU slots) whose upstream checkout is the stand-in tree of the test
 * resources, run by the machine's {@code python3}. Helpers lay out a task's dataset and features and
 * steer the stand-in scripts through {@code standin.json} in the task's workspace.
 */
public abstract class StandinServerTest extends ServerTest {

    public static final Path STANDIN = standin();

    /**
     * Its own database: a context with other settings must not share the scheduler lease (and so the
     * executor) of the plain server tests. Workspaces still live under the shared data dir.
     */
    private static final Path DATABASE = tempDir().resolve("standin.db");

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + DATABASE
                + "?journal_mode=WAL&busy_timeout=30000&foreign_keys=true&synchronous=NORMAL&transaction_mode=IMMEDIATE");
        registry.add("gsv.upstream-dir", STANDIN::toString);
        registry.add("gsv.upstream-python", () -> "python3");
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("gsv-standin-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stand-in checkout as the test class path holds it. */
    public static Path standin() {
        try {
            return Path.of(StandinServerTest.class.getClassLoader().getResource("upstream-standin/README.md").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a task of the version with the GPU string; returns its id. */
    protected String createTask(String name, String version, String gpuId, Map<String, Object> extra) {
        Map<String, Object> config = new LinkedHashMap<>(Map.of("exp_name", "spk", "gpu_id", gpuId, "version", version,
                "language", "zh", "batch_size", 4, "epochs_s2", 2, "epochs_s1", 2));
        config.putAll(extra);
        var response = post("/api/v1/task/create", Json.write(Map.of("task_name", name, "config", config)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("create failed: " + response.statusCode() + " " + response.body());
        }
        return (String) json(response).get("task_id");
    }

    /** Creates a task whose stand-in scripts behave as {@code behaviour} says (keyed by script name). */
    protected String createStandinTask(String name, Map<String, Object> behaviour) {
        String task = createTask(name, "v2", "0", Map.of());
        behave(task, behaviour);
        return task;
    }

    public static Path workspace(String taskId) {
        return DATA_DIR.resolve("tasks").resolve(taskId);
    }

    protected static void behave(String taskId, Map<String, Object> behaviour) {
        write(workspace(taskId).resolve("standin.json"), Json.write(behaviour));
    }

    /** A transcript of {@code count} clips of 4 s (plus one 1 s clip in English) in {@code sliced/}. */
    protected void givenDataset(String taskId, int count) {
        givenSucceeded(taskId, "asr_transcribe");
        Path sliced = workspace(taskId).resolve("sliced");
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String name = "clip_%02d.wav".formatted(i);
            writeBytes(sliced.resolve(name), TestAudio.toneWav(4, 32000));
            list.append(sliced.resolve(name)).append("|spk|ZH|你好世界第").append(i).append("句。\n");
        }
        writeBytes(sliced.resolve("short.wav"), TestAudio.toneWav(1, 32000));
        list.append(sliced.resolve("short.wav")).append("|spk|EN|Hello there.\n");
        write(workspace(taskId).resolve("asr/transcript.list"), list.toString());
    }

    /** Feature files as the extraction steps leave them, so training can start. */
    protected void givenFeatures(String taskId) {
        givenDataset(taskId, 2);
        givenSucceeded(taskId, "extract_text_features", "extract_audio_features", "extract_speaker_vectors",
                "extract_semantic_features");
        Path exp = workspace(taskId).resolve("exp");
        write(exp.resolve("2-name2text.txt"), "clip_00.wav\tn i h ao\t1 1 1 1\t你好\n");
        write(exp.resolve("6-name2semantic.tsv"), "item_name\tsemantic_audio\nclip_00.wav\t1 2 3 4 5 6 7 8 9 10\n");
        for (String folder : List.of("4-cnhubert", "7-sv_cn")) {
            write(exp.resolve(folder).resolve("clip_00.wav.pt"), "x");
        }
        write(exp.resolve("5-wav32k").resolve("clip_00.wav"), "x");
    }

    /** What the stand-in scripts of a task were started with, in order. */
    protected static List<Map<String, Object>> calls(String taskId, String script) {
        Path file = workspace(taskId).resolve("standin-calls.jsonl");
        List<Map<String, Object>> calls = new ArrayList<>();
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    Map<String, Object> call = Json.readMap(line);
                    if (script == null || script.equals(call.get("script"))) {
                        calls.add(call);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return calls;
    }

    protected String runStep(String taskId, String step, Map<String, Object> params) {
        var response = post("/api/v1/task/" + taskId + "/step/" + step, Json.write(Map.of("params", params)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("run failed: " + response.statusCode() + " " + response.body());
        }
        return (String) json(response).get("run_id");
    }

    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> events(String taskId, String type) {
        List<Map<String, Object>> all = (List<Map<String, Object>>) json(get("/api/v1/task/" + taskId
                + "/events?limit=1000")).get("events");
        return all.stream().filter(e -> type == null || type.equals(e.get("type"))).toList();
    }

    @SuppressWarnings("unchecked")
    protected List<Map<String, Object>> artifacts(String taskId, String kind) {
        Object body = Json.mapper().readValue(get("/api/v1/task/" + taskId + "/artifacts").body(), Object.class);
        List<Map<String, Object>> all = body instanceof Map<?, ?> map ? (List<Map<String, Object>>) map.get("artifacts")
                : (List<Map<String, Object>>) body;
        return all.stream().filter(a -> kind.equals(a.get("kind"))).toList();
    }

    protected static void write(Path file, String text) {
        writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    protected static void writeBytes(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
