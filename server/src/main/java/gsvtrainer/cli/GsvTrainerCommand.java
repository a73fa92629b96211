package gsvtrainer.cli;

import picocli.CommandLine.Command;

/** The root command; each subcommand is its own class. */
@Command(name = "gsv-trainer", mixinStandardHelpOptions = true, version = "gsv-trainer 0.1.0",
        description = "Train GPT-SoVITS voices through a REST API, a CLI and a Java client.",
        subcommands = {ServeCommand.class, WorkerCommand.class, StopCommand.class, DoctorCommand.class,
                KeysCommand.class, TaskCommand.class, TrainCommand.class, StepExecCommand.class})
public class GsvTrainerCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Whether the command leaves threads running that keep the JVM alive (a server or worker). */
    public static boolean keepsRunning(String[] args) {
        return args.length > 0 && (args[0].equals("serve") || args[0].equals("worker"));
    }
}
