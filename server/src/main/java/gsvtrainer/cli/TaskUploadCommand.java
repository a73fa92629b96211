package gsvtrainer.cli;

import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.UploadResult;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code task upload}: audio files into a task, with progress. */
@Command(name = "upload", mixinStandardHelpOptions = true, description = "Upload audio files to a task.")
final class TaskUploadCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "TASK_ID")
    String taskId;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    int run(GsvTrainerClient client) {
        Uploads.checkReadable(files);
        List<UploadResult> results = Uploads.upload(client, taskId, files);
        out().print(results, () -> out().table(Uploads.table(results)));
        return ExitCodes.OK;
    }
}
