package gsvtrainer.scheduler;

import gsvtrainer.process.ProcessGroups;
import gsvtrainer.steprun.exec.StepExecMain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command lines of run processes: at lower CPU priority, this JVM's {@code java} with the run
 * options, the run class path, the class archive once it exists, and {@link StepExecMain}.
 */
final class JavaCommand {

    private final int nice;
    private final List<String> jvmOptions;
    private final RunClassPath classPath;
    private final StepArchive archive;

    JavaCommand(int nice, String jvmOptions, RunClassPath classPath, StepArchive archive) {
        this.nice = nice;
        this.jvmOptions = Arrays.stream(jvmOptions.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        this.classPath = classPath;
        this.archive = archive;
    }

    /** Runs the run in {@code runDir} at once. */
    List<String> stepExec(Path runDir) {
        return command(archive.options(), "step-exec", runDir.toString());
    }

    /** Warms up in {@code dir}, then waits there for a run while this service lives. */
    List<String> standby(Path dir) {
        long pid = ProcessHandle.current().pid();
        long started = ProcessGroups.startTimeMillis(pid).orElse(0L);
        return command(archive.options(), "standby", dir.toString(), Long.toString(pid), Long.toString(started));
    }

    /** Warms up and exits, with {@code extraOptions} (those that make or check the archive). */
    List<String> warmUp(List<String> extraOptions) {
        return command(extraOptions, "warm-up");
    }

    StepArchive archive() {
        return archive;
    }

    private List<String> command(List<String> extraOptions, String... arguments) {
        List<String> command = new ArrayList<>();
        if (nice > 0) {
            command.addAll(List.of("nice", "-n", Integer.toString(nice)));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(extraOptions);
        command.addAll(List.of("-cp", classPath.argument(), StepExecMain.class.getName()));
        command.addAll(List.of(arguments));
        return command;
    }
}
