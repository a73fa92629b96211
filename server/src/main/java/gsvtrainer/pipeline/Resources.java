package gsvtrainer.pipeline;

/**
 * What a step needs to run: a GPU (one slot, or one per shard when {@code shardable}) or only a CPU
 * slot. A GPU step still runs on CPU when the service has no GPUs.
 */
public record Resources(boolean gpu, boolean shardable) {

    public static final Resources CPU = new Resources(false, false);
    public static final Resources GPU = new Resources(true, false);
    public static final Resources GPU_SHARDABLE = new Resources(true, true);
}
