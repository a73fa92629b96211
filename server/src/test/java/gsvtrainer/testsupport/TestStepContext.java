package gsvtrainer.testsupport;

import gsvtrainer.pipeline.RunReporter;
import gsvtrainer.pipeline.StepContext;
import gsvtrainer.pipeline.TaskWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A step context over a workspace folder, with settable config and settings, recording what is reported. */
public final class TestStepContext implements StepContext, RunReporter {

    public record Reported(String kind, String text, Map<String, Object> detail) {
    }

    public final List<Reported> reported = Collections.synchronizedList(new ArrayList<>());
    private final TaskWorkspace workspace;
    private final Map<String, Object> taskConfig = new HashMap<>();
    private final Map<String, String> settings = new HashMap<>();
    private boolean force;

    public TestStepContext(Path root) {
        this.workspace = new TaskWorkspace(root);
    }

    public TestStepContext config(String key, Object value) {
        taskConfig.put(key, value);
        return this;
    }

    public TestStepContext setting(String key, String value) {
        settings.put(key, value);
        return this;
    }

    public TestStepContext forced(boolean force) {
        this.force = force;
        return this;
    }

    /** Texts reported of one kind ({@code log:info}, {@code log:warn}, {@code artifact}, {@code progress}). */
    public List<String> texts(String kind) {
        synchronized (reported) {
            return reported.stream().filter(r -> r.kind().equals(kind)).map(Reported::text).toList();
        }
    }

    @Override public TaskWorkspace workspace() { return workspace; }
    @Override public Map<String, Object> taskConfig() { return taskConfig; }
    @Override public List<String> gpus() { return List.of(); }
    @Override public int cpuThreads() { return 2; }
    @Override public Path runDir() { return workspace.run("test-run"); }
    @Override public boolean force() { return force; }
    @Override public Map<String, String> settings() { return settings; }
    @Override public RunReporter reporter() { return this; }

    @Override
    public void progress(double fraction, Map<String, Object> detail) {
        reported.add(new Reported("progress", Double.toString(fraction), detail));
    }

    @Override
    public void metric(String name, double value, Map<String, Object> detail) {
        reported.add(new Reported("metric", name, detail));
    }

    @Override
    public void artifact(String kind, Path path, Map<String, Object> metadata) {
        reported.add(new Reported("artifact", kind + " " + path, metadata));
    }

    @Override
    public void log(String level, String message) {
        reported.add(new Reported("log:" + level, message, Map.of()));
    }
}
