package gsvtrainer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gsv-trainer task ...}: one subcommand per API call on tasks. */
@Command(name = "task", mixinStandardHelpOptions = true,
        description = "Create, run, follow and fetch the results of training tasks on a gsv-trainer server.",
        subcommands = {TaskCreateCommand.class, TaskListCommand.class, TaskStatusCommand.class, TaskUploadCommand.class,
                TaskRunCommand.class, TaskPipelineCommand.class, TaskResumeCommand.class, TaskApproveCommand.class,
                TaskReportCommand.class, TaskRunsCommand.class, TaskLogsCommand.class, TaskEventsCommand.class,
                TaskArtifactsCommand.class, TaskDownloadCommand.class, TaskCancelCommand.class, TaskDeleteCommand.class})
public class TaskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
