package gsvtrainer;

import gsvtrainer.cli.GsvTrainerCommand;
import picocli.CommandLine;

/** The {@code gsv-trainer} command: server, worker, admin and client commands. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = new CommandLine(new GsvTrainerCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        if (code != 0 || !GsvTrainerCommand.keepsRunning(args)) {
            System.exit(code);
        }
    }
}
