package gsvtrainer.cli;

import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.TaskInfo;
import gsvtrainer.client.TaskStatus;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code task status}: a task's state, optionally after waiting for it to end. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a task's status and steps.")
final class TaskStatusCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "TASK_ID")
    String taskId;

    @Option(names = "--wait", description = "Wait until the task is completed, failed or cancelled; exit 1 unless completed")
    boolean waitForEnd;

    @Option(names = "--timeout", defaultValue = "24h", converter = DurationConverter.class,
            description = "How long --wait waits, e.g. 90m (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    int run(GsvTrainerClient client) {
        TaskInfo task = waitForEnd ? client.waitForTerminal(taskId, timeout) : client.getTask(taskId);
        out().print(task, () -> TaskPrinter.task(out(), task));
        return waitForEnd && task.status() != TaskStatus.COMPLETED ? ExitCodes.TASK_FAILED : ExitCodes.OK;
    }
}
