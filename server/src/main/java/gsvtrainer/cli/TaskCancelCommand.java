package gsvtrainer.cli;

import gsvtrainer.client.CancelResult;
import gsvtrainer.client.GsvTrainerClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code task cancel}: stop every queued or running step of the task. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a task's queued and running steps.")
final class TaskCancelCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "TASK_ID")
    String taskId;

    @Override
    int run(GsvTrainerClient client) {
        CancelResult result = client.cancel(taskId);
        out().print(result, () -> out().line(result.message() + " (" + result.cancelledCount() + " runs cancelled)"));
        return ExitCodes.OK;
    }
}
