package gsvtrainer.audio;

import gsvtrainer.pipeline.RunReporter;
import gsvtrainer.pipeline.StepContext;
import gsvtrainer.pipeline.TaskWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** A step context over a temporary workspace whose reporter records every call. */
final class RecordingContext implements StepContext, RunReporter {

    record Progress(double fraction, Map<String, Object> detail) {
    }

    record Line(String level, String message) {
    }

    final List<Progress> progress = Collections.synchronizedList(new ArrayList<>());
    final List<Line> lines = Collections.synchronizedList(new ArrayList<>());
    private final TaskWorkspace workspace;
    private boolean force;

    RecordingContext(Path root) {
        this.workspace = new TaskWorkspace(root);
    }

    RecordingContext forced() {
        this.force = true;
        return this;
    }

    List<String> messages(String level) {
        return lines.stream().filter(l -> l.level().equals(level)).map(Line::message).toList();
    }

    @Override public TaskWorkspace workspace() { return workspace; }
    @Override public Map<String, Object> taskConfig() { return Map.of(); }
    @Override public List<String> gpus() { return List.of(); }
    @Override public int cpuThreads() { return 2; }
    @Override public Path runDir() { return workspace.run("test-run"); }
    @Override public boolean force() { return force; }
    @Override public Map<String, String> settings() { return Map.of(); }
    @Override public RunReporter reporter() { return this; }

    @Override
    public void progress(double fraction, Map<String, Object> detail) {
        progress.add(new Progress(fraction, detail));
    }

    @Override
    public void metric(String name, double value, Map<String, Object> detail) {
    }

    @Override
    public void artifact(String kind, Path path, Map<String, Object> metadata) {
    }

    @Override
    public void log(String level, String message) {
        lines.add(new Line(level, message));
    }
}
