package gsvtrainer.cli;

import gsvtrainer.client.ArtifactInfo;
import gsvtrainer.client.GsvTrainerClient;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code task artifacts}: the files the task's runs produced. */
@Command(name = "artifacts", mixinStandardHelpOptions = true, description = "List a task's artifacts (weights, transcripts, audio).")
final class TaskArtifactsCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "TASK_ID")
    String taskId;

    @Override
    int run(GsvTrainerClient client) {
        List<ArtifactInfo> artifacts = client.listArtifacts(taskId);
        out().print(artifacts, () -> {
            Table table = Table.of("ARTIFACT ID", "KIND", "NAME", "SIZE", "RUN ID", "CREATED");
            artifacts.forEach(a -> table.row(a.artifactId(), a.kind(), a.name(), Formats.bytes(a.size()), a.runId(),
                    Formats.time(a.createdAt())));
            out().table(table);
        });
        return ExitCodes.OK;
    }
}
