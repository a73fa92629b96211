package gsvtrainer.upstream;

import gsvtrainer.pipeline.RunReporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A reporter that keeps what it was told. */
final class RecordingReporter implements RunReporter {

    record Progress(double fraction, Map<String, Object> detail) {
    }

    record Metric(String name, double value, Map<String, Object> detail) {
    }

    final List<Progress> progress = new ArrayList<>();
    final List<Metric> metrics = new ArrayList<>();
    final List<String> logs = new ArrayList<>();

    @Override
    public void progress(double fraction, Map<String, Object> detail) {
        progress.add(new Progress(fraction, detail));
    }

    @Override
    public void metric(String name, double value, Map<String, Object> detail) {
        metrics.add(new Metric(name, value, detail));
    }

    @Override
    public void artifact(String kind, Path path, Map<String, Object> metadata) {
    }

    @Override
    public void log(String level, String message) {
        logs.add(level + " " + message);
    }
}
