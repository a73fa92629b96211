package gsvtrainer.upstream;

/** The {@code gpu_id} strings of webui: GPU indexes joined by '-' ("0", "0-1"). */
final class GpuIds {

    private GpuIds() {
    }

    /** Throws IllegalArgumentException unless {@code gpuId} is null or of that form. */
    static void check(String gpuId) {
        if (gpuId != null && !gpuId.matches("\\d+(-\\d+)*")) {
            throw new IllegalArgumentException("gpu_id must look like '0' or '0-1', not '" + gpuId + "'");
        }
    }
}
