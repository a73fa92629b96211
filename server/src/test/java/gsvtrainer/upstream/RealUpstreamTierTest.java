package gsvtrainer.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gsvtrainer.config.Json;
import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.testsupport.ServerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real-upstream tier ({@code make test-upstream}): a real GPT-SoVITS checkout at 48b1a016 and its
 * Python environment, on CPU, through the service's API. Tiny randomly initialised stand-ins for the
 * version's pretrained models are generated first by {@code python/make_tiny_pretrained.py} (run by
 * upstream's interpreter) into {@code target/tiny-pretrained}, the service's {@code pretrained_dir};
 * nothing is written into the checkout. Skipped, saying why, without a checkout or interpreter.
 * Set {@code GSV_UPSTREAM_DIR} / {@code GSV_UPSTREAM_PYTHON}; default {@code ~/.cache/gsv-trainer}.
 */
@Tag("upstream")
class RealUpstreamTierTest extends ServerTest {

    private static final Path HOME = Path.of(System.getProperty("user.home"), ".cache", "gsv-trainer");
    static final Path CHECKOUT = Path.of(System.getenv().getOrDefault("GSV_UPSTREAM_DIR", HOME.resolve("upstream").toString()));
    static final String PYTHON = System.getenv().getOrDefault("GSV_UPSTREAM_PYTHON", HOME.resolve("venv/bin/python").toString());
    static final String VERSION = System.getenv().getOrDefault("GSV_UPSTREAM_TEST_VERSION", "v1");

    static final Path PRETRAINED = Path.of("target", "tiny-pretrained").toAbsolutePath();

    /** A small SoVITS decoder and short training segments: one CPU epoch in minutes instead of hours. */
    static final Map<String, Object> SOVITS_OVERRIDES = Map.of("train.segment_size", 2560,
            "model.upsample_initial_channel", 32, "model.resblock_kernel_sizes", List.of(3),
            "model.resblock_dilation_sizes", List.of(List.of(1, 3, 5)), "model.filter_channels", 64, "model.n_layers", 2);
    /** A 2-layer GPT; the stand-in s1 checkpoint is generated with the same shape. */
    static final Map<String, Object> GPT_OVERRIDES = Map.of("model.n_layer", 2, "model.embedding_dim", 128,
            "model.hidden_dim", 128, "model.head", 4, "model.linear_units", 256);

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("gsv.upstream-dir", CHECKOUT::toString);
        registry.add("gsv.upstream-python", () -> PYTHON);
        registry.add("gsv.pretrained-dir", PRETRAINED::toString);
        registry.add("gsv.gpus", () -> "");
    }

    @BeforeAll
    static void tinyPretrainedModels() throws Exception {
        assumeTrue(Files.isDirectory(CHECKOUT.resolve("GPT_SoVITS")), "real-upstream tier skipped: no checkout at " + CHECKOUT);
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), "real-upstream tier skipped: no interpreter at " + PYTHON);
        UpstreamCheckout checkout = new UpstreamCheckout(CHECKOUT, PYTHON, PRETRAINED);
        Path script = Path.of(RealUpstreamTierTest.class.getResource("/python/make_tiny_pretrained.py").toURI());
        ProcessBuilder builder = new ProcessBuilder(PYTHON, "-s", script.toString(), "--out", PRETRAINED.toString(),
                "--version", VERSION, "--s1-overrides", Json.write(GPT_OVERRIDES)).directory(CHECKOUT.toFile()).inheritIO();
        builder.environment().put("PYTHONPATH", checkout.pythonPath());
        assertThat(builder.start().waitFor()).as("make_tiny_pretrained.py exit code").isZero();
        List<String> missing = new Preflight(checkout).missing(VersionProfiles.of(VERSION), null);
        assumeTrue(missing.isEmpty(), "real-upstream tier skipped: " + missing);
    }

    @Test
    void featuresTrainingAndInferenceRunOnTheRealCheckout() throws Exception {
        String task = (String) json(post("/api/v1/task/create", """
                {"task_name": "real", "config": {"exp_name": "real", "version": "%s", "language": "zh",
                 "batch_size": 8, "gpu_id": "0"}}""".formatted(VERSION))).get("task_id");
        Path ws = DATA_DIR.resolve("tasks").resolve(task);
        // Speech-like rates (upstream's GPT dataset keeps 3-25 phonemes a second); b is a 3-10 s reference clip.
        StandinServerTest.writeBytes(ws.resolve("sliced/a.wav"), gsvtrainer.testsupport.TestAudio.toneWav(2, 32000));
        StandinServerTest.writeBytes(ws.resolve("sliced/b.wav"), gsvtrainer.testsupport.TestAudio.toneWav(4, 32000));
        StandinServerTest.write(ws.resolve("asr/transcript.list"), ws.resolve("sliced/a.wav") + "|s|zh|你好世界。\n"
                + ws.resolve("sliced/b.wav") + "|s|zh|今天天气很好，我们去公园散步吧。\n");
        givenSucceeded(task, "asr_transcribe");
        Duration long_ = Duration.ofMinutes(30);
        for (String step : List.of("extract_text_features", "extract_audio_features", "extract_speaker_vectors",
                "extract_semantic_features")) {
            if (VersionProfiles.of(VERSION).hasSpeakerVectors() || !step.equals("extract_speaker_vectors")) {
                run(task, step, "{}", long_);
            }
        }
        run(task, "train_sovits", Json.write(Map.of("params", Map.of("total_epoch", 1, "save_every_epoch", 1,
                "overrides", SOVITS_OVERRIDES))), long_);
        run(task, "train_gpt", Json.write(Map.of("params", Map.of("total_epoch", 1, "save_every_epoch", 1,
                "overrides", GPT_OVERRIDES))), long_);
        run(task, "test_inference", "{\"params\": {\"text\": \"你好\"}}", long_);

        try (var wavs = Files.list(ws.resolve("inference"))) {
            Path wav = wavs.findFirst().orElseThrow();
            assertThat(AudioSystem.getAudioInputStream(wav.toFile()).getFrameLength()).isGreaterThan(0);
        }
    }

    private void run(String task, String step, String body, Duration timeout) {
        String runId = (String) json(post("/api/v1/task/" + task + "/step/" + step, body)).get("run_id");
        StepRun run = awaitRun(runId, r -> r.status().isTerminal(), timeout);
        assertThat(run.status()).as(step + ": " + run.error()).isEqualTo(RunStatus.SUCCEEDED);
        System.out.printf("real-upstream tier: %s took %.1f s (queued to recorded)%n", step,
                Duration.between(run.createdAt(), run.finishedAt()).toMillis() / 1000.0);
    }
}
