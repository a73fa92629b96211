package gsvtrainer.upstream;

import java.util.Map;

/**
 * Params of {@code train_gpt}, named as in upstream's webui; null means the task's or upstream's
 * default. {@code gpu_id} ("0-1") trains data-parallel on that many of the service's GPUs (one without it).
 */
public record TrainGptParams(
        Integer batchSize,
        Integer totalEpoch,
        Integer saveEveryEpoch,
        Boolean ifDpo,
        Boolean ifSaveLatest,
        Boolean ifSaveEveryWeights,
        Boolean isHalf,
        String gpuId,
        Map<String, Object> overrides) {

    public TrainGptParams {
        overrides = new ConfigOverrides(overrides).refusing(ConfigOverrides.GPT_MANAGED).values();
        GpuIds.check(gpuId);
        if (batchSize != null && batchSize < 1) throw new IllegalArgumentException("batch_size must be >= 1");
        if (totalEpoch != null && totalEpoch < 1) throw new IllegalArgumentException("total_epoch must be >= 1");
        if (saveEveryEpoch != null && saveEveryEpoch < 1) throw new IllegalArgumentException("save_every_epoch must be >= 1");
    }

    public static TrainGptParams defaults() {
        return new TrainGptParams(null, null, null, null, null, null, null, null, null);
    }

    /** Fields of the base {@code s1longer*.yaml} to change, by dotted path. */
    public ConfigOverrides configOverrides() {
        return new ConfigOverrides(overrides);
    }
}
