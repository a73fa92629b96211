package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One process of a sharded feature step, as webui starts them: part {@code index} of {@code count}
 * takes lines {@code [index::count]} and sees only {@code device} ({@code _CUDA_VISIBLE_DEVICES};
 * empty on CPU, which hides every GPU).
 */
record Shard(int index, int count, String device) {

    /**
     * One shard per GPU slot the run was given; without slots (CPU), one per entry of the gpu_id
     * string (the step's param, else the task's), like webui's {@code "0-1"}.
     */
    static List<Shard> plan(StepContext context, String gpuIdParam) {
        boolean real = Precision.realGpus(context);
        List<String> entries = context.gpus();
        if (entries.isEmpty()) {
            Object gpuId = gpuIdParam != null ? gpuIdParam : context.taskConfig().getOrDefault("gpu_id", "0");
            entries = List.of(String.valueOf(gpuId).split("-"));
        }
        List<Shard> shards = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            shards.add(new Shard(i, entries.size(), real && !context.gpus().isEmpty() ? entries.get(i) : ""));
        }
        return shards;
    }

    /** The log file of this shard, in the run's folder. */
    String logName() {
        return "shard-" + index + ".log";
    }
}
