package gsvtrainer.pipeline;

/**
 * What a step needs to run: a GPU slot, or only a CPU slot. A GPU step still runs on CPU when the
 * service has no GPUs. A {@code shardable} step takes one GPU slot per shard, as many as entries in
 * its {@code gpu_id} param or else the task's {@code gpu_id} ("0-1": two); a {@code multiGpu} step
 * (a training, data-parallel over its GPUs) takes one per entry of its own {@code gpu_id} param only,
 * else one, so that the two trainings of a task can still run side by side. Both take at most the
 * service's GPU count.
 */
public record Resources(boolean gpu, boolean shardable, boolean multiGpu) {

    public static final Resources CPU = new Resources(false, false, false);
    public static final Resources GPU = new Resources(true, false, false);
    public static final Resources GPU_SHARDABLE = new Resources(true, true, false);
    public static final Resources GPU_MULTI = new Resources(true, false, true);
}
