package gsvtrainer.cli;

import gsvtrainer.client.GsvTrainerClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code task resume}: re-queue what was interrupted, failed or cancelled, and what follows it. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Re-queue the steps whose latest run was interrupted, failed or cancelled, and the steps after them.")
final class TaskResumeCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "TASK_ID")
    String taskId;

    @Override
    int run(GsvTrainerClient client) {
        Pipelines.print(out(), client.resume(taskId));
        return ExitCodes.OK;
    }
}
