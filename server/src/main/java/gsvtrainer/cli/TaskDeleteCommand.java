package gsvtrainer.cli;

import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.MessageResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code task delete}: cancel what runs, then remove the task and all its files. */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a task and all its files (running steps are cancelled first).")
final class TaskDeleteCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "TASK_ID")
    String taskId;

    @Override
    int run(GsvTrainerClient client) {
        MessageResponse result = client.delete(taskId);
        out().print(result, () -> out().line(result.message()));
        return ExitCodes.OK;
    }
}
