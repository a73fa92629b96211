package gsvtrainer.upstream;

/**
 * Params of the four feature-extraction steps. {@code gpu_id} overrides the task's GPU string
 * ("0-1" shards over two processes); {@code is_half} forces half precision on or off.
 */
public record FeatureParams(String gpuId, Boolean isHalf) {

    public FeatureParams {
        GpuIds.check(gpuId);
    }

    public static FeatureParams defaults() {
        return new FeatureParams(null, null);
    }
}
