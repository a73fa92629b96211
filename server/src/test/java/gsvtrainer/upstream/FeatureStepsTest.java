package gsvtrainer.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.StepRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The four feature steps against the stand-in checkout: env vars in, shards, merge, failures. */
class FeatureStepsTest extends StandinServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void shardsOverTwoGpuSlotsAndMergesThePartsLikeWebui() throws IOException {
        String task = createTask("features", "v2ProPlus", "0-1", Map.of());
        givenDataset(task, 5);

        StepRun text = awaitStatus(runStep(task, "extract_text_features", Map.of()), RunStatus.SUCCEEDED, TIMEOUT);

        assertThat(text.resources().gpus()).containsExactlyInAnyOrder("0", "1");
        List<Map<String, Object>> calls = calls(task, "1-get-text");
        assertThat(calls).hasSize(2);
        Path exp = workspace(task).resolve("exp");
        for (int part = 0; part < 2; part++) {
            Map<?, ?> env = (Map<?, ?>) calls.get(part).get("env");
            assertThat(calls.stream().<Object>map(c -> ((Map<?, ?>) c.get("env")).get("i_part"))).contains(Integer.toString(part));
            assertThat(env.get("all_parts")).isEqualTo("2");
            assertThat(env.get("_CUDA_VISIBLE_DEVICES")).as("fake slots are no GPUs").isEqualTo("");
            assertThat(env.get("is_half")).isEqualTo("False");
            assertThat(env.get("version")).isEqualTo("v2ProPlus");
            assertThat(env.get("opt_dir")).isEqualTo(exp.toString());
            assertThat(env.get("inp_text")).isEqualTo(workspace(task).resolve("asr/transcript.list").toString());
            assertThat(env.get("inp_wav_dir")).isEqualTo(workspace(task).resolve("sliced").toString());
            assertThat((String) env.get("bert_pretrained_dir")).endsWith("GPT_SoVITS/pretrained_models/chinese-roberta-wwm-ext-large");
            assertThat((String) env.get("PYTHONPATH")).startsWith(STANDIN + ":" + STANDIN.resolve("GPT_SoVITS"));
            assertThat((String) calls.get(part).get("cwd")).isEqualTo(workspace(task).resolve("runs").resolve(text.id())
                    .resolve("upstream-cwd").toString());
        }
        assertThat(Files.readString(exp.resolve("2-name2text.txt"))).isEqualTo(
                lineOf(0) + lineOf(2) + lineOf(4) + lineOf(1) + lineOf(3)
                        + "short.wav\tH e l l o t h e r e .\t1 1 1 1 1 1 1 1 1 1 1\tHello there.\n");
        assertThat(exp.resolve("2-name2text-0.txt")).doesNotExist();
        assertThat(exp.resolve("2-name2text-1.txt")).doesNotExist();
        try (var bert = Files.list(exp.resolve("3-bert"))) {
            assertThat(bert.count()).as("BERT features for the zh clips only").isEqualTo(5);
        }

        awaitStatus(runStep(task, "extract_audio_features", Map.of()), RunStatus.SUCCEEDED, TIMEOUT);
        awaitStatus(runStep(task, "extract_speaker_vectors", Map.of()), RunStatus.SUCCEEDED, TIMEOUT);
        StepRun semantic = awaitStatus(runStep(task, "extract_semantic_features", Map.of()), RunStatus.SUCCEEDED, TIMEOUT);

        try (var ssl = Files.list(exp.resolve("4-cnhubert")); var sv = Files.list(exp.resolve("7-sv_cn"))) {
            assertThat(ssl.count()).isEqualTo(6);
            assertThat(sv.count()).isEqualTo(6);
        }
        List<String> tsv = Files.readAllLines(exp.resolve("6-name2semantic.tsv"));
        assertThat(tsv.get(0)).isEqualTo("item_name\tsemantic_audio");
        assertThat(tsv.subList(1, tsv.size()).stream().map(l -> l.split("\t")[0]))
                .containsExactly("clip_00.wav", "clip_02.wav", "clip_04.wav", "clip_01.wav", "clip_03.wav", "short.wav");
        Map<?, ?> env = (Map<?, ?>) calls(task, "3-get-semantic").get(0).get("env");
        assertThat((String) env.get("s2config_path")).endsWith("GPT_SoVITS/configs/s2v2ProPlus.json");
        assertThat((String) env.get("pretrained_s2G")).endsWith("GPT_SoVITS/pretrained_models/v2Pro/s2Gv2ProPlus.pth");
        assertThat(semantic.progress()).isEqualTo(1.0);
    }

    @Test
    void aFailedShardFailsTheStepNamingTheShardAndItsLog() {
        String task = createTask("shard-fails", "v2", "0-1", Map.of());
        givenDataset(task, 3);
        behave(task, Map.of("1-get-text", Map.of("fail_part", 1)));

        String runId = runStep(task, "extract_text_features", Map.of());
        StepRun failed = awaitStatus(runId, RunStatus.FAILED, TIMEOUT);

        assertThat(failed.error().code()).isEqualTo("upstream_failed");
        assertThat(failed.error().message()).contains("shard 1 of 2").contains("runs/" + runId + "/shard-1.log")
                .contains("stand-in part 1 fails as asked").doesNotContain("shard 0 of 2");
    }

    @Test
    void aFailedShardStopsTheOthersInsteadOfWaitingForThem() {
        String task = createTask("shard-stops-others", "v2", "0-1", Map.of());
        givenDataset(task, 3);
        // shard 1 would take two minutes, longer than this test waits
        behave(task, Map.of("1-get-text", Map.of("fail_part", 0, "sleep_part", 1, "sleep_seconds", 120)));

        String runId = runStep(task, "extract_text_features", Map.of());
        StepRun failed = awaitStatus(runId, RunStatus.FAILED, TIMEOUT);

        assertThat(failed.error().message()).contains("shard 0 of 2 exited with code 1").contains("shard 1 was stopped");
    }

    @Test
    void aTranscriptWithoutSupportedLanguagesFailsWithNoFeatures() {
        String task = createTask("no-language", "v2", "0", Map.of());
        givenSucceeded(task, "asr_transcribe");
        write(workspace(task).resolve("asr/transcript.list"), "/nowhere/a.wav|spk|AUTO|hello\n");

        StepRun failed = awaitStatus(runStep(task, "extract_text_features", Map.of()), RunStatus.FAILED, TIMEOUT);

        assertThat(failed.error().code()).isEqualTo("no_features");
        assertThat(failed.error().message()).as("the script's own per-clip message is passed on")
                .contains("not supported for training").contains("shard-0.log");
    }

    private static String lineOf(int i) {
        String text = "你好世界第" + i + "句。";
        return "clip_%02d.wav\t%s\t%s\t%s\n".formatted(i, String.join(" ", text.split("")),
                String.join(" ", "1".repeat(text.length()).split("")), text);
    }
}
