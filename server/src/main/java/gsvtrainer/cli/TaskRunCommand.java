package gsvtrainer.cli;

import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.RunResponse;
import gsvtrainer.client.TaskInfo;
import gsvtrainer.client.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code task run}: queue one step, optionally waiting for the task to end. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run one step of a task.")
final class TaskRunCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "TASK_ID")
    String taskId;

    @Parameters(index = "1", paramLabel = "STEP", description = "e.g. convert_audio, slice_audio, train_sovits")
    String step;

    @Option(names = {"-p", "--param"}, paramLabel = "KEY=VALUE", description = "Step parameter (repeatable)")
    List<String> params = new ArrayList<>();

    @Option(names = "--force", description = "Run again even if the step already succeeded")
    boolean force;

    @Option(names = "--wait", description = "Wait until the task is no longer running; exit 1 unless completed")
    boolean waitForEnd;

    @Option(names = "--timeout", defaultValue = "24h", converter = DurationConverter.class,
            description = "How long --wait waits (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    int run(GsvTrainerClient client) {
        RunResponse run = client.runStep(taskId, step, KeyValues.parse(params), force);
        if (!waitForEnd) {
            out().print(run, () -> out().line(run.runId() + " " + step + " attempt " + run.attempt() + " "
                    + (run.status() == null ? "" : run.status().wireName())));
            return ExitCodes.OK;
        }
        TaskInfo task = client.waitForTerminal(taskId, timeout);
        out().print(task, () -> TaskPrinter.task(out(), task));
        return task.status() == TaskStatus.COMPLETED ? ExitCodes.OK : ExitCodes.TASK_FAILED;
    }
}
