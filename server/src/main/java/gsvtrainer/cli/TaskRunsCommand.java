package gsvtrainer.cli;

import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.StepRunInfo;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code task runs}: every attempt of every step, or one run. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List a task's step runs (or show one).")
final class TaskRunsCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "TASK_ID")
    String taskId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "RUN_ID")
    String runId;

    @Override
    int run(GsvTrainerClient client) {
        if (runId != null) {
            StepRunInfo run = client.getRun(taskId, runId);
            out().print(run, () -> {
                out().table(TaskPrinter.runs(List.of(run)));
                if (!run.detail().isEmpty()) {
                    out().line("detail: " + Formats.detail(run.detail(), 400));
                }
                if (!run.params().isEmpty()) {
                    out().line("params: " + Formats.detail(run.params(), 400));
                }
            });
            return ExitCodes.OK;
        }
        List<StepRunInfo> runs = client.listRuns(taskId);
        out().print(runs, () -> out().table(TaskPrinter.runs(runs)));
        return ExitCodes.OK;
    }
}
