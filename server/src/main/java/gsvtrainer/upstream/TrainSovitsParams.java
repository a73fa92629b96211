package gsvtrainer.upstream;

import java.util.Map;

/**
 * Params of {@code train_sovits}, named as in upstream's webui; null means the task's or upstream's
 * default. {@code gpu_id} ("0-1") trains data-parallel on that many of the service's GPUs (one without it).
 */
public record TrainSovitsParams(
        Integer batchSize,
        Integer totalEpoch,
        Double textLowLrRate,
        Integer saveEveryEpoch,
        Boolean ifSaveLatest,
        Boolean ifSaveEveryWeights,
        Integer loraRank,
        Boolean ifGradCkpt,
        Boolean isHalf,
        String gpuId,
        Map<String, Object> overrides) {

    public TrainSovitsParams {
        overrides = new ConfigOverrides(overrides).refusing(ConfigOverrides.SOVITS_MANAGED).values();
        GpuIds.check(gpuId);
        if (batchSize != null && batchSize < 1) throw new IllegalArgumentException("batch_size must be >= 1");
        if (totalEpoch != null && totalEpoch < 1) throw new IllegalArgumentException("total_epoch must be >= 1");
        if (saveEveryEpoch != null && saveEveryEpoch < 1) throw new IllegalArgumentException("save_every_epoch must be >= 1");
        if (textLowLrRate != null && (textLowLrRate <= 0 || textLowLrRate > 1)) {
            throw new IllegalArgumentException("text_low_lr_rate must be in (0, 1]");
        }
    }

    public static TrainSovitsParams defaults() {
        return new TrainSovitsParams(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Fields of the base {@code s2*.json} to change, by dotted path. */
    public ConfigOverrides configOverrides() {
        return new ConfigOverrides(overrides);
    }
}
