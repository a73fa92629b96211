package gsvtrainer.upstream;

/** Params of {@code train_sovits}, named as in upstream's webui; null means the task's or upstream's default. */
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
        String gpuId) {

    public TrainSovitsParams {
        if (batchSize != null && batchSize < 1) throw new IllegalArgumentException("batch_size must be >= 1");
        if (totalEpoch != null && totalEpoch < 1) throw new IllegalArgumentException("total_epoch must be >= 1");
        if (saveEveryEpoch != null && saveEveryEpoch < 1) throw new IllegalArgumentException("save_every_epoch must be >= 1");
        if (textLowLrRate != null && (textLowLrRate <= 0 || textLowLrRate > 1)) {
            throw new IllegalArgumentException("text_low_lr_rate must be in (0, 1]");
        }
    }

    public static TrainSovitsParams defaults() {
        return new TrainSovitsParams(null, null, null, null, null, null, null, null, null, null);
    }
}
