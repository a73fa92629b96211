package gsvtrainer.steprun;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One attempt at one step of one task, as stored. */
public record StepRun(
        String id,
        String taskId,
        String step,
        int attempt,
        Map<String, Object> params,
        boolean force,
        RunStatus status,
        double progress,
        Map<String, Object> detail,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Integer exitCode,
        RunError error,
        RunResources resources,
        Long pid,
        Long pidStartedAt,
        Instant heartbeatAt,
        String logPath,
        long logOffset,
        boolean cancelRequested,
        boolean outdated,
        long version) {

    /** The slots a run holds while it runs. */
    public record RunResources(List<String> gpus, int cpuSlots) {
        public static final RunResources NONE = new RunResources(List.of(), 0);

        public RunResources {
            gpus = List.copyOf(gpus);
        }
    }
}
