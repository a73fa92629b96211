package gsvtrainer.steprun.exec;

import gsvtrainer.pipeline.RunReporter;
import gsvtrainer.pipeline.StepContext;
import gsvtrainer.pipeline.TaskWorkspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The {@link StepContext} of a run process, built from its spec. */
final class RunContext implements StepContext {

    private final RunSpec spec;
    private final Path runDir;
    private final RunReporter reporter;
    private final TaskWorkspace workspace;

    RunContext(RunSpec spec, Path runDir, RunReporter reporter) {
        this.spec = spec;
        this.runDir = runDir;
        this.reporter = reporter;
        this.workspace = new TaskWorkspace(Path.of(spec.workspace()));
    }

    @Override public TaskWorkspace workspace() { return workspace; }
    @Override public Map<String, Object> taskConfig() { return spec.taskConfig(); }
    @Override public List<String> gpus() { return spec.gpus(); }
    @Override public int cpuThreads() { return Math.max(1, spec.cpuThreads()); }
    @Override public Path runDir() { return runDir; }
    @Override public boolean force() { return spec.force(); }
    @Override public Map<String, String> settings() { return spec.settings(); }
    @Override public RunReporter reporter() { return reporter; }
}
