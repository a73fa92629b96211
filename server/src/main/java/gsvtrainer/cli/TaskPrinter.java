package gsvtrainer.cli;

import gsvtrainer.client.RunStatus;
import gsvtrainer.client.StepRunInfo;
import gsvtrainer.client.TaskInfo;
import java.util.List;
import java.util.Map;

/** Human views of tasks and runs shared by several commands. */
final class TaskPrinter {

    private TaskPrinter() {
    }

    static Table tasks(List<TaskInfo> tasks) {
        Table table = Table.of("TASK ID", "NAME", "STATUS", "STEP", "PROGRESS", "CREATED");
        tasks.forEach(t -> table.row(t.taskId(), t.taskName(), status(t), t.currentStep(),
                Formats.percent(t.progressPercent()), Formats.time(t.createdAt())));
        return table;
    }

    static void task(Output out, TaskInfo task) {
        out.line("Task:      " + task.taskId() + " (" + task.taskName() + ")");
        out.line("Status:    " + status(task) + (Boolean.TRUE.equals(task.awaitingReview()) ? " — awaiting transcript review" : ""));
        out.line("Progress:  " + Formats.percent(task.progressPercent())
                + (task.currentStep() == null ? "" : ", current step " + task.currentStep()));
        out.line("Created:   " + Formats.time(task.createdAt()) + ", updated " + Formats.time(task.updatedAt()));
        if (task.errorText() != null && !task.errorText().isBlank()) {
            out.line("Error:     " + task.errorText());
        }
        if (!task.outdatedSteps().isEmpty()) {
            out.line("Outdated:  " + String.join(", ", task.outdatedSteps()));
        }
        if (!task.steps().isEmpty()) {
            out.line("");
            Table steps = Table.of("STEP", "STATUS");
            for (Map.Entry<String, RunStatus> step : task.steps().entrySet()) {
                steps.row(step.getKey(), step.getValue() == null ? "-" : step.getValue().wireName());
            }
            out.table(steps);
        }
    }

    static Table runs(List<StepRunInfo> runs) {
        Table table = Table.of("RUN ID", "STEP", "ATTEMPT", "STATUS", "PROGRESS", "STARTED", "DURATION", "EXIT", "ERROR");
        for (StepRunInfo run : runs) {
            table.row(run.runId(), run.step() + (Boolean.TRUE.equals(run.outdated()) ? " (outdated)" : ""), run.attempt(),
                    run.status() == null ? "-" : run.status().wireName(), Formats.runProgress(run),
                    Formats.time(run.startedAt()), Formats.duration(run.startedAt(), run.finishedAt()), run.exitCode(),
                    run.error() == null ? null : run.error().summary());
        }
        return table;
    }

    static String status(TaskInfo task) {
        return task.status() == null ? "-" : task.status().wireName();
    }
}
