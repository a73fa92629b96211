package gsvtrainer.upstream;

import gsvtrainer.task.TaskConfig;

/** The {@code gpu_id} param of the upstream steps, checked as the task config's is. */
final class GpuIds {

    private GpuIds() {
    }

    /** Throws IllegalArgumentException unless {@code gpuId} is null or of that form. */
    static void check(String gpuId) {
        if (gpuId != null && !TaskConfig.isGpuId(gpuId)) {
            throw new IllegalArgumentException("gpu_id must look like '0' or '0-1', not '" + gpuId + "'");
        }
    }
}
