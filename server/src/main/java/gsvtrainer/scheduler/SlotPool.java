package gsvtrainer.scheduler;

import gsvtrainer.pipeline.Resources;
import gsvtrainer.steprun.StepRun.RunResources;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The GPU and CPU slots of this executor. A GPU step takes GPU slots (one, or one per shard) and,
 * when the executor has no GPU at all, a CPU slot instead; a CPU step takes one CPU slot.
 */
public final class SlotPool {

    private final List<String> gpuIds;
    private final Set<String> freeGpus;
    private final int cpuSlots;
    private int usedCpu;

    public SlotPool(List<String> gpuIds, int cpuSlots) {
        this.gpuIds = List.copyOf(gpuIds);
        this.freeGpus = new LinkedHashSet<>(gpuIds);
        this.cpuSlots = cpuSlots;
    }

    public synchronized Optional<RunResources> allocate(Resources needs, int shards) {
        if (needs.gpu() && !gpuIds.isEmpty()) {
            int wanted = needs.shardable() || needs.multiGpu() ? Math.max(1, Math.min(shards, gpuIds.size())) : 1;
            if (freeGpus.size() < wanted) {
                return Optional.empty();
            }
            List<String> taken = new ArrayList<>(freeGpus).subList(0, wanted);
            taken.forEach(freeGpus::remove);
            return Optional.of(new RunResources(List.copyOf(taken), 0));
        }
        if (usedCpu >= cpuSlots) {
            return Optional.empty();
        }
        usedCpu++;
        return Optional.of(new RunResources(List.of(), 1));
    }

    /** Takes exactly these resources (a run re-adopted after a restart). */
    public synchronized void reserve(RunResources resources) {
        resources.gpus().forEach(freeGpus::remove);
        usedCpu += resources.cpuSlots();
    }

    public synchronized void release(RunResources resources) {
        for (String gpu : resources.gpus()) {
            if (gpuIds.contains(gpu)) {
                freeGpus.add(gpu);
            }
        }
        usedCpu = Math.max(0, usedCpu - resources.cpuSlots());
    }

    public List<String> gpuIds() {
        return gpuIds;
    }

    public synchronized int freeGpuCount() {
        return freeGpus.size();
    }

    public int cpuSlots() {
        return cpuSlots;
    }
}
