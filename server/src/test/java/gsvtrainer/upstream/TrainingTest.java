package gsvtrainer.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.config.Json;
import gsvtrainer.process.ProcessGroups;
import gsvtrainer.steprun.RunStatus;
import gsvtrainer.steprun.StepRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** train_sovits and train_gpt against the stand-in: configs, progress, metrics, weights, cancel, resume. */
class TrainingTest extends StandinServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @Test
    @SuppressWarnings("unchecked")
    void sovitsWritesItsOwnConfigAndReportsProgressMetricsAndWeights() throws IOException {
        String task = createTask("sovits", "v2ProPlus", "0", Map.of());
        givenFeatures(task);
        behave(task, Map.of("s2_train", Map.of("steps", 4, "epoch_seconds", 0.4)));

        StepRun run = awaitStatus(runStep(task, "train_sovits", Map.of("total_epoch", 3, "save_every_epoch", 1)),
                RunStatus.SUCCEEDED, TIMEOUT);

        Path ws = workspace(task);
        Map<String, Object> config = Json.readMap(Files.readString(ws.resolve("runs").resolve(run.id()).resolve("s2.json")));
        Map<String, Object> train = (Map<String, Object>) config.get("train");
        assertThat(train).containsEntry("epochs", 3).containsEntry("batch_size", 2).containsEntry("fp16_run", false)
                .containsEntry("gpu_numbers", "").containsEntry("save_every_epoch", 1).containsEntry("text_low_lr_rate", 0.4)
                .containsEntry("if_save_latest", true).containsEntry("if_save_every_weights", true);
        assertThat((String) train.get("pretrained_s2G")).endsWith("pretrained_models/v2Pro/s2Gv2ProPlus.pth");
        assertThat(config).containsEntry("save_weight_dir", ws.resolve("weights/sovits").toString())
                .containsEntry("s2_ckpt_dir", ws.resolve("exp").toString()).containsEntry("name", "spk")
                .containsEntry("version", "v2ProPlus");
        assertThat(((Map<String, Object>) config.get("model")).get("version")).isEqualTo("v2ProPlus");

        assertThat(run.progress()).isEqualTo(1.0);
        assertThat(lastDetail(task, run.id())).containsEntry("epoch", 3).containsEntry("epochs", 3);
        List<Map<String, Object>> metrics = events(task, "metric");
        assertThat(metrics.stream().<Object>map(m -> ((Map<?, ?>) m.get("data")).get("name")))
                .contains("loss_disc", "loss_gen", "loss_fm", "loss_mel", "kl_ssl", "loss_kl", "lr");
        assertThat(metrics.stream().<Object>map(m -> ((Map<?, ?>) ((Map<?, ?>) m.get("data")).get("detail")).get("epoch")))
                .contains(1, 2, 3);
        assertThat(events(task, "progress").stream().<Object>map(e -> ((Map<?, ?>) ((Map<?, ?>) e.get("data")).get("detail")).get("epoch")))
                .as("progress events are thinned to 4 a second, the first and last epoch always show").contains(1, 3);
        List<Map<String, Object>> weights = artifacts(task, "sovits_weight");
        assertThat(weights.stream().map(w -> w.get("name"))).containsExactly("spk_e1_s4.pth", "spk_e2_s8.pth", "spk_e3_s12.pth");
        assertThat((Map<String, Object>) weights.get(2).get("metadata")).containsEntry("epoch", 3).containsEntry("step", 12)
                .containsKey("loss_mel");
    }

    @Test
    @SuppressWarnings("unchecked")
    void overridesChangeTheBaseConfigAndAnUnknownFieldFailsBeforeTraining() throws IOException {
        String task = createTask("overrides", "v2", "0", Map.of());
        givenFeatures(task);
        behave(task, Map.of("s2_train", Map.of("steps", 1, "epoch_seconds", 0.1), "s1_train", Map.of("steps", 1, "epoch_seconds", 0.1)));

        StepRun sovits = awaitStatus(runStep(task, "train_sovits", Map.of("total_epoch", 1, "overrides",
                Map.of("train.learning_rate", 5e-5, "train.segment_size", 2560))), RunStatus.SUCCEEDED, TIMEOUT);
        StepRun gpt = awaitStatus(runStep(task, "train_gpt", Map.of("total_epoch", 1, "overrides",
                Map.of("optimizer.lr", 0.002))), RunStatus.SUCCEEDED, TIMEOUT);
        StepRun typo = awaitStatus(runStep(task, "train_gpt", Map.of("overrides", Map.of("model.n_layers", 2))),
                RunStatus.FAILED, TIMEOUT);
        var managed = post("/api/v1/task/" + task + "/step/train_sovits",
                Json.write(Map.of("params", Map.of("overrides", Map.of("train.epochs", 3)))));

        Path ws = workspace(task);
        Map<String, Object> s2 = Json.readMap(Files.readString(ws.resolve("runs").resolve(sovits.id()).resolve("s2.json")));
        assertThat((Map<String, Object>) s2.get("train")).containsEntry("learning_rate", 5e-5).containsEntry("segment_size", 2560)
                .containsEntry("epochs", 1);
        assertThat(Files.readString(ws.resolve("runs").resolve(gpt.id()).resolve("s1.yaml"))).contains("lr: 0.002");
        assertThat(typo.error().code()).isEqualTo("invalid_config");
        assertThat(typo.error().message()).contains("GPT_SoVITS/configs/s1longer-v2.yaml has no field model.n_layers");
        assertThat(managed.statusCode()).as(managed.body()).isEqualTo(422);
        assertThat(managed.body()).contains("train.epochs is set by the service; use total_epoch");
    }

    @Test
    @SuppressWarnings("unchecked")
    void gptWritesItsOwnConfigAndReportsTheLightningBarAndWeights() throws IOException {
        String task = createTask("gpt", "v2", "0", Map.of());
        givenFeatures(task);
        behave(task, Map.of("s1_train", Map.of("steps", 3, "epoch_seconds", 0.6)));

        StepRun run = awaitStatus(runStep(task, "train_gpt", Map.of("total_epoch", 2, "save_every_epoch", 1)),
                RunStatus.SUCCEEDED, TIMEOUT);

        Path ws = workspace(task);
        String yaml = Files.readString(ws.resolve("runs").resolve(run.id()).resolve("s1.yaml"));
        assertThat(yaml).contains("epochs: 2").contains("precision: '32'").contains("batch_size: 2")
                .contains("half_weights_save_dir: " + ws.resolve("weights/gpt"))
                .contains("output_dir: " + ws.resolve("exp/logs_s1_v2"))
                .contains("train_semantic_path: " + ws.resolve("exp/6-name2semantic.tsv"))
                .contains("exp_name: spk").contains("if_dpo: false");
        Map<?, ?> env = (Map<?, ?>) calls(task, "s1_train").get(0).get("env");
        assertThat(env.get("hz")).isEqualTo("25hz");
        assertThat(env.get("_CUDA_VISIBLE_DEVICES")).isEqualTo("");
        assertThat(lastDetail(task, run.id())).containsEntry("epoch", 2).containsEntry("step", 6);
        assertThat(events(task, "metric").stream().<Object>map(m -> ((Map<?, ?>) m.get("data")).get("name")))
                .contains("total_loss", "lr", "top_3_acc");
        assertThat(artifacts(task, "gpt_weight").stream().map(w -> w.get("name"))).containsExactly("spk-e1.ckpt", "spk-e2.ckpt");
        assertThat((Map<String, Object>) artifacts(task, "gpt_weight").get(1).get("metadata")).containsEntry("epoch", 2);
    }

    @Test
    void cancelMidEpochKillsTheDdpTreeAndTheNextRunResumesFromTheLastCheckpoint() throws Exception {
        String task = createTask("resume", "v2", "0", Map.of());
        givenFeatures(task);
        behave(task, Map.of("s2_train", Map.of("steps", 5, "epoch_seconds", 1.0, "workers", 2)));
        Map<String, Object> params = Map.of("total_epoch", 5, "save_every_epoch", 1);
        String first = runStep(task, "train_sovits", params);
        Path weights = workspace(task).resolve("weights/sovits");
        StepRun running = awaitRun(first, r -> Files.exists(weights.resolve("spk_e2_s10.pth")), TIMEOUT);
        List<Long> tree = ProcessGroups.members(running.pid()).stream().map(ProcessGroups.ProcStat::pid).toList();
        assertThat(tree).as("wrapper, JVM, trainer, 2 workers, 2 loaders").hasSizeGreaterThanOrEqualTo(7);

        assertThat(post("/api/v1/task/" + task + "/cancel", "").statusCode()).isEqualTo(200);
        awaitStatus(first, RunStatus.CANCELLED, Duration.ofSeconds(15));

        assertThat(ProcessGroups.members(running.pid())).isEmpty();
        for (long pid : tree) {
            assertThat(ProcessGroups.stat(pid).filter(s -> s.state() != 'Z')).as("process %d", pid).isEmpty();
        }
        String second = runStep(task, "train_sovits", params);
        StepRun resumed = awaitStatus(second, RunStatus.SUCCEEDED, TIMEOUT);

        String log = Files.readString(workspace(task).resolve("runs").resolve(second).resolve("upstream.log"));
        int startEpoch = Integer.parseInt(log.replaceAll("(?s).*start training from epoch (\\d+).*", "$1"));
        assertThat(startEpoch).as("continues after the last saved epoch").isGreaterThanOrEqualTo(3);
        assertThat(firstProgressEpoch(task, second)).isGreaterThanOrEqualTo(3);
        assertThat(lastDetail(task, resumed.id())).containsEntry("epoch", 5);
        assertThat(artifacts(task, "sovits_weight").stream().map(w -> w.get("name"))).contains("spk_e1_s5.pth",
                "spk_e2_s10.pth", "spk_e5_s25.pth");
    }

    @Test
    void aWeightSavedJustBeforeACancelIsStillRecorded() throws Exception {
        String task = createTask("cancel-after-save", "v2", "0", Map.of());
        givenFeatures(task);
        behave(task, Map.of("s2_train", Map.of("steps", 2, "epoch_seconds", 0.2, "stall_before_saved_line", 1)));
        String run = runStep(task, "train_sovits", Map.of("total_epoch", 2, "save_every_epoch", 1));
        Path weight = workspace(task).resolve("weights/sovits/spk_e1_s2.pth");
        awaitRun(run, r -> Files.exists(weight), TIMEOUT);

        assertThat(post("/api/v1/task/" + task + "/cancel", "").statusCode()).isEqualTo(200);
        awaitStatus(run, RunStatus.CANCELLED, Duration.ofSeconds(15));

        assertThat(artifacts(task, "sovits_weight").stream().map(w -> w.get("name"))).containsExactly("spk_e1_s2.pth");
    }

    @Test
    void raisingTheEpochsContinuesTraining() throws IOException {
        String task = createTask("more-epochs", "v2", "0", Map.of());
        givenFeatures(task);
        behave(task, Map.of("s1_train", Map.of("steps", 2, "epoch_seconds", 0.2)));
        awaitStatus(runStep(task, "train_gpt", Map.of("total_epoch", 1, "save_every_epoch", 1)), RunStatus.SUCCEEDED, TIMEOUT);

        String more = runStep(task, "train_gpt", Map.of("total_epoch", 2, "save_every_epoch", 1));
        awaitStatus(more, RunStatus.SUCCEEDED, TIMEOUT);

        assertThat(Files.readString(workspace(task).resolve("runs").resolve(more).resolve("upstream.log")))
                .contains("Restoring states from the checkpoint path").doesNotContain("Epoch 0:");
        assertThat(artifacts(task, "gpt_weight").stream().map(w -> w.get("name"))).containsExactly("spk-e1.ckpt", "spk-e2.ckpt");
    }

    @Test
    void aTrainingTakesOneGpuUnlessItsGpuIdAsksForMore() {
        String task = createTask("ddp", "v2ProPlus", "0-1", Map.of());
        givenFeatures(task);

        StepRun both = awaitStatus(runStep(task, "train_sovits", Map.of("total_epoch", 1, "save_every_epoch", 1,
                "gpu_id", "0-1")), RunStatus.SUCCEEDED, TIMEOUT);
        StepRun one = awaitStatus(runStep(task, "train_gpt", Map.of("total_epoch", 1, "save_every_epoch", 1)),
                RunStatus.SUCCEEDED, TIMEOUT);

        assertThat(both.resources().gpus()).containsExactlyInAnyOrder("0", "1");
        assertThat(one.resources().gpus()).as("the task's gpu_id shards features; a training takes one GPU").hasSize(1);
        assertThat(post("/api/v1/task/" + task + "/step/train_gpt", "{\"params\": {\"gpu_id\": \"0,1\"}}").statusCode())
                .isEqualTo(422);
    }

    @Test
    void aMissingPretrainedFileFailsFastNamingIt() {
        String task = createTask("v3", "v3", "0", Map.of());
        givenFeatures(task);

        StepRun failed = awaitStatus(runStep(task, "train_sovits", Map.of()), RunStatus.FAILED, TIMEOUT);

        assertThat(failed.error().code()).isEqualTo("upstream_missing");
        assertThat(failed.error().message()).contains("GPT_SoVITS/pretrained_models/s2Gv3.pth")
                .contains("GPT_SoVITS/s2_train_v3_lora.py");
        assertThat(calls(task, null)).isEmpty();
    }

    /** The detail of the run's last training progress event (the run row ends with the executor's final 1.0). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> lastDetail(String task, String runId) {
        return events(task, "progress").stream().filter(e -> runId.equals(e.get("run_id")))
                .map(e -> (Map<String, Object>) ((Map<String, Object>) e.get("data")).get("detail"))
                .filter(d -> d.containsKey("epoch")).reduce((a, b) -> b).orElse(Map.of());
    }

    private int firstProgressEpoch(String task, String runId) {
        return events(task, "progress").stream().filter(e -> runId.equals(e.get("run_id")))
                .map(e -> ((Map<?, ?>) ((Map<?, ?>) e.get("data")).get("detail")).get("epoch"))
                .filter(e -> e != null).map(e -> ((Number) e).intValue()).findFirst().orElse(0);
    }
}
