package gsvtrainer.cli;

import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.PipelineRequest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code task pipeline}: queue the remaining pipeline (or a slice of it) in one call. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Queue the task's remaining pipeline steps; they start as their dependencies succeed.")
final class TaskPipelineCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "TASK_ID")
    String taskId;

    @Option(names = "--from", paramLabel = "STEP", description = "First step")
    String from;

    @Option(names = "--to", paramLabel = "STEP", description = "Last step")
    String to;

    @Option(names = "--stop-after", paramLabel = "STEP", description = "Stop after this step, e.g. asr_transcribe to review transcripts")
    String stopAfter;

    @Option(names = "--skip", paramLabel = "STEP", description = "Skip a skippable step, e.g. denoise_audio (repeatable)")
    List<String> skip = new ArrayList<>();

    @Option(names = {"-p", "--param"}, paramLabel = "STEP.KEY=VALUE", description = "Step parameter (repeatable)")
    List<String> params = new ArrayList<>();

    @Option(names = "--force", description = "Re-run steps that already succeeded")
    boolean force;

    @Override
    int run(GsvTrainerClient client) {
        Pipelines.print(out(), client.runPipeline(taskId, request(from, to, stopAfter, skip, params, force)));
        return ExitCodes.OK;
    }

    static PipelineRequest request(String from, String to, String stopAfter, List<String> skip, List<String> params,
                                   boolean force) {
        PipelineRequest.Builder request = PipelineRequest.builder().from(from).to(to).stopAfter(stopAfter).force(force);
        skip.forEach(request::skip);
        KeyValues.byStep(params).forEach(request::params);
        return request.build();
    }
}
