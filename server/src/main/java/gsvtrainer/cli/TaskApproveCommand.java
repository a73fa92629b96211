package gsvtrainer.cli;

import gsvtrainer.client.GsvTrainerClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code task approve}: accept the reviewed transcripts so a pipeline paused after ASR continues. */
@Command(name = "approve", mixinStandardHelpOptions = true,
        description = "Approve the transcripts; a pipeline paused after ASR continues.")
final class TaskApproveCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "TASK_ID")
    String taskId;

    @Override
    int run(GsvTrainerClient client) {
        Pipelines.print(out(), client.approveTranscript(taskId));
        return ExitCodes.OK;
    }
}
