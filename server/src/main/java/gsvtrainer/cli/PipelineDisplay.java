package gsvtrainer.cli;

import gsvtrainer.client.TaskInfo;
import java.util.List;
import java.util.Locale;

/** Two bars while a pipeline runs: the pipeline's percentage and the current step's progress. */
final class PipelineDisplay implements AutoCloseable {

    private final Bar pipeline = Bar.percent("pipeline");
    private final Bar step = Bar.percent("step");

    void show(TaskInfo task, StepProgress steps) {
        pipeline.update(Math.round(task.progressPercent()), TaskPrinter.status(task));
        List<String> running = steps.running();
        String current = task.currentStep() != null ? task.currentStep() : running.isEmpty() ? null : running.get(0);
        StepProgress.State state = steps.of(current);
        StringBuilder extra = new StringBuilder(current == null ? "" : current);
        if (state != null && !state.detail().isEmpty()) {
            extra.append(' ').append(Formats.detail(state.detail(), 40));
        }
        for (String other : running) {
            StepProgress.State s = steps.of(other);
            if (!other.equals(current) && s != null) {
                extra.append(String.format(Locale.ROOT, " | %s %.0f%%", other, s.fraction() * 100));
            }
        }
        step.update(state == null ? 0 : Math.round(state.fraction() * 100), extra.toString());
    }

    @Override
    public void close() {
        step.close();
        pipeline.close();
    }
}
