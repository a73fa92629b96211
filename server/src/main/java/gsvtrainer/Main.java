package gsvtrainer;

import gsvtrainer.cli.GsvTrainerCommand;
import picocli.CommandLine;

/** The {@code gsv-trainer} command: server, worker, admin and client commands. */
public final class Main {

    private Main() {
    }

    /** The exit code of an error the command did not expect: a bug, a corrupt file, not a failed task (1). */
    public static final int UNEXPECTED = 4;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0 || !GsvTrainerCommand.keepsRunning(args)) {
            System.exit(code);
        }
    }

    public static CommandLine commandLine() {
        return new CommandLine(new GsvTrainerCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    line.getErr().println("error: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
                    line.getErr().println("(unexpected; GSV_DEBUG=1 prints the stack trace)");
                    if (System.getenv("GSV_DEBUG") != null) {
                        e.printStackTrace(line.getErr());
                    }
                    return UNEXPECTED;
                });
    }
}
