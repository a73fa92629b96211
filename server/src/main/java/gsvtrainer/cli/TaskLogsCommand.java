package gsvtrainer.cli;

import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.RunStatus;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code task logs}: all runs' logs, or one run's log with tail and follow. */
@Command(name = "logs", mixinStandardHelpOptions = true, description = "Print a task's logs (or one run's).")
final class TaskLogsCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "TASK_ID")
    String taskId;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "Only this run's log")
    String runId;

    @Option(names = {"-n", "--tail"}, paramLabel = "LINES", description = "Only the last LINES lines (with --run)")
    Integer tail;

    @Option(names = {"-f", "--follow"}, description = "Keep printing until the run ends (with --run); exits 1 unless it succeeded")
    boolean follow;

    @Override
    int run(GsvTrainerClient client) {
        if (runId == null) {
            if (tail != null || follow) {
                throw new IllegalArgumentException("--tail and --follow need --run RUN_ID (see 'task runs " + taskId + "')");
            }
            String logs = client.logs(taskId);
            out().print(Map.of("logs", logs), () -> out().writer().print(logs));
            return ExitCodes.OK;
        }
        if (follow) {
            client.followRunLog(taskId, runId, tail, out()::line);
            // the log ends with the run (or the connection): say how the run ended
            RunStatus status = client.getRun(taskId, runId).status();
            if (status == RunStatus.SUCCEEDED) {
                return ExitCodes.OK;
            }
            err().println("run " + runId + " is " + (status == null ? "unknown" : status.name().toLowerCase()));
            return ExitCodes.TASK_FAILED;
        }
        String log = client.runLog(taskId, runId, tail);
        out().print(Map.of("log", log), () -> out().writer().print(log));
        return ExitCodes.OK;
    }
}
