package gsvtrainer.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a step sees when it {@linkplain StepAction#rehearse(Path) rehearses}: a made-up task's workspace
 * and run folder inside the scratch folder, no devices, forced work, and a reporter that drops
 * everything.
 */
public record RehearsalContext(Path scratch, int cpuThreads) implements StepContext {

    private static final RunReporter SILENT = new RunReporter() {
        @Override
        public void progress(double fraction, Map<String, Object> detail) {
        }

        @Override
        public void metric(String name, double value, Map<String, Object> detail) {
        }

        @Override
        public void artifact(String kind, Path path, Map<String, Object> metadata) {
        }

        @Override
        public void log(String level, String message) {
        }
    };

    @Override
    public TaskWorkspace workspace() {
        return new TaskWorkspace(scratch.resolve("task"));
    }

    @Override
    public Map<String, Object> taskConfig() {
        return Map.of();
    }

    @Override
    public List<String> gpus() {
        return List.of();
    }

    @Override
    public Path runDir() {
        return scratch.resolve("run");
    }

    @Override
    public boolean force() {
        return true;
    }

    @Override
    public Map<String, String> settings() {
        return Map.of();
    }

    @Override
    public RunReporter reporter() {
        return SILENT;
    }
}
