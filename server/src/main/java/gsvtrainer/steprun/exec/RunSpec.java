package gsvtrainer.steprun.exec;

import java.util.List;
import java.util.Map;

/**
 * Everything a run process needs, written by the service as {@code spec.json} in the run's folder.
 * Paths are absolute on the machine that runs the step.
 *
 * @param implementation the class that implements the step, as the service's registry found it; the
 *                       run process loads it alone (null: it searches every implementation by name)
 */
public record RunSpec(
        String runId,
        String taskId,
        String step,
        Map<String, Object> params,
        boolean force,
        Map<String, Object> taskConfig,
        List<String> gpus,
        int cpuThreads,
        String workspace,
        Map<String, String> settings,
        String implementation) {

    public static final String FILE_NAME = "spec.json";
}
