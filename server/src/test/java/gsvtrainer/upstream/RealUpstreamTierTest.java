package gsvtrainer.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.StepRun;
import gsvtrainer.testsupport.ServerTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real-upstream tier ({@code make test-upstream}): a real GPT-SoVITS checkout at 48b1a016 and its
 * Python environment, on CPU, through the service's API. The checkout must hold the version's pretrained
 * files (real ones, or tiny random stand-ins); the tier is skipped, saying what is missing, otherwise.
 * Set {@code GSV_UPSTREAM_DIR} / {@code GSV_UPSTREAM_PYTHON}; default {@code ~/.cache/gsv-trainer}.
 */
@Tag("upstream")
class RealUpstreamTierTest extends ServerTest {

    private static final Path HOME = Path.of(System.getProperty("user.home"), ".cache", "gsv-trainer");
    static final Path CHECKOUT = Path.of(System.getenv().getOrDefault("GSV_UPSTREAM_DIR", HOME.resolve("upstream").toString()));
    static final String PYTHON = System.getenv().getOrDefault("GSV_UPSTREAM_PYTHON", HOME.resolve("venv/bin/python").toString());
    static final String VERSION = System.getenv().getOrDefault("GSV_UPSTREAM_TEST_VERSION", "v1");

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        registry.add("gsv.upstream-dir", CHECKOUT::toString);
        registry.add("gsv.upstream-python", () -> PYTHON);
        registry.add("gsv.gpus", () -> "");
    }

    @Test
    void featuresTrainingAndInferenceRunOnTheRealCheckout() throws Exception {
        List<String> missing = new Preflight(new UpstreamCheckout(CHECKOUT, PYTHON)).missing(VersionProfiles.of(VERSION), null);
        assumeTrue(missing.isEmpty(), "real-upstream tier skipped: " + missing);
        String task = (String) json(post("/api/v1/task/create", """
                {"task_name": "real", "config": {"exp_name": "real", "version": "%s", "language": "zh",
                 "batch_size": 8, "gpu_id": "0"}}""".formatted(VERSION))).get("task_id");
        Path ws = DATA_DIR.resolve("tasks").resolve(task);
        StandinServerTest.writeBytes(ws.resolve("sliced/a.wav"), gsvtrainer.testsupport.TestAudio.toneWav(4, 32000));
        StandinServerTest.writeBytes(ws.resolve("sliced/b.wav"), gsvtrainer.testsupport.TestAudio.toneWav(5, 32000));
        StandinServerTest.write(ws.resolve("asr/transcript.list"), ws.resolve("sliced/a.wav") + "|s|zh|你好世界。\n"
                + ws.resolve("sliced/b.wav") + "|s|zh|今天天气很好。\n");
        givenSucceeded(task, "asr_transcribe");
        Duration long_ = Duration.ofMinutes(30);
        for (String step : List.of("extract_text_features", "extract_audio_features", "extract_speaker_vectors",
                "extract_semantic_features")) {
            if (VersionProfiles.of(VERSION).hasSpeakerVectors() || !step.equals("extract_speaker_vectors")) {
                run(task, step, "{}", long_);
            }
        }
        run(task, "train_sovits", "{\"params\": {\"total_epoch\": 1, \"save_every_epoch\": 1}}", long_);
        run(task, "train_gpt", "{\"params\": {\"total_epoch\": 1, \"save_every_epoch\": 1}}", long_);
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
    }
}
