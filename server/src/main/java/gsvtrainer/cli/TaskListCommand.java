package gsvtrainer.cli;

import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.TaskInfo;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code task list}: the caller's tasks. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List tasks.")
final class TaskListCommand extends ClientCommand {

    @Override
    int run(GsvTrainerClient client) {
        List<TaskInfo> tasks = client.listTasks();
        out().print(tasks, () -> out().table(TaskPrinter.tasks(tasks)));
        return ExitCodes.OK;
    }
}
