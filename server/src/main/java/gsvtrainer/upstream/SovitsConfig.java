package gsvtrainer.upstream;

import gsvtrainer.config.Json;
import gsvtrainer.pipeline.StepFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The per-task SoVITS config: the version's base {@code s2*.json} with the fields webui's
 * {@code open1Ba} overrides, pointed at the task's experiment and weight folders.
 */
record SovitsConfig(
        int batchSize,
        int epochs,
        double textLowLrRate,
        boolean saveLatest,
        boolean saveEveryWeights,
        int saveEveryEpoch,
        String gpuNumbers,
        boolean gradCkpt,
        int loraRank,
        boolean half,
        ConfigOverrides overrides) {

    static SovitsConfig of(TrainSovitsParams p, Map<String, Object> task, VersionProfile version, String gpuNumbers,
                           boolean half) {
        int batch = p.batchSize() != null ? p.batchSize() : TaskNumbers.get(task, "batch_size", 16);
        return new SovitsConfig(
                half ? batch : Math.max(1, batch / 2),
                p.totalEpoch() != null ? p.totalEpoch() : TaskNumbers.get(task, "epochs_s2", version.lora() ? 2 : 8),
                p.textLowLrRate() != null ? p.textLowLrRate() : 0.4,
                p.ifSaveLatest() == null || p.ifSaveLatest(),
                p.ifSaveEveryWeights() == null || p.ifSaveEveryWeights(),
                p.saveEveryEpoch() != null ? p.saveEveryEpoch() : version.lora() ? 1 : 4,
                gpuNumbers,
                p.ifGradCkpt() != null && p.ifGradCkpt(),
                p.loraRank() != null ? p.loraRank() : 32,
                half,
                p.configOverrides());
    }

    /** Writes the config for {@code exp} to {@code target}. */
    @SuppressWarnings("unchecked")
    void write(UpstreamCheckout checkout, VersionProfile version, String expName, Path exp, Path weights, Path target)
            throws IOException, StepFailure {
        Map<String, Object> data = Json.readMap(Files.readString(checkout.resolve(version.s2Config())));
        overrides.applyTo(data, version.s2Config());
        Map<String, Object> train = (Map<String, Object>) data.get("train");
        if (!half) {
            train.put("fp16_run", false);
        }
        train.put("batch_size", batchSize);
        train.put("epochs", epochs);
        train.put("text_low_lr_rate", textLowLrRate);
        train.put("pretrained_s2G", checkout.pretrained(version.pretrainedS2G()).toString());
        train.put("pretrained_s2D", version.pretrainedS2D() == null ? "" : checkout.pretrained(version.pretrainedS2D()).toString());
        train.put("if_save_latest", saveLatest);
        train.put("if_save_every_weights", saveEveryWeights);
        train.put("save_every_epoch", saveEveryEpoch);
        train.put("gpu_numbers", gpuNumbers);
        train.put("grad_ckpt", gradCkpt);
        train.put("lora_rank", loraRank);
        ((Map<String, Object>) data.get("model")).put("version", version.name());
        ((Map<String, Object>) data.get("data")).put("exp_dir", exp.toString());
        data.put("s2_ckpt_dir", exp.toString());
        data.put("save_weight_dir", weights.toString());
        data.put("name", expName);
        data.put("version", version.name());
        Files.createDirectories(target.getParent());
        Files.writeString(target, Json.write(data));
    }
}
