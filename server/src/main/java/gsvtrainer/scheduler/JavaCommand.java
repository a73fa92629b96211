package gsvtrainer.scheduler;

import gsvtrainer.process.ProcessGroups;
import gsvtrainer.process.ThreadPriority;
import gsvtrainer.steprun.exec.StepExecMain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The command lines of run processes: at lower CPU priority, this JVM's {@code java} with the run
 * options, the run class path, the class archive once it exists, and {@link StepExecMain}. Where the
 * service may raise a process's priority ({@link ThreadPriority#canRaise()}), a standby starts at the
 * lowest one, so that warming up takes only CPU time no run wants, and takes the run's priority with
 * its run.
 */
final class JavaCommand {

    private final int nice;
    private final boolean idleStandby;
    private final List<String> jvmOptions;
    private final RunClassPath classPath;
    private final StepArchive archive;
    private final boolean groupsBySession;

    /** @param idleStandby whether standbys warm up at the lowest priority and raise it for their run */
    JavaCommand(int nice, boolean idleStandby, String jvmOptions, RunClassPath classPath, StepArchive archive) {
        this.nice = nice;
        this.idleStandby = idleStandby && nice < ThreadPriority.IDLE_NICE;
        this.jvmOptions = Arrays.stream(jvmOptions.strip().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        this.classPath = classPath;
        this.archive = archive;
        this.groupsBySession = ThreadPriority.groupsBySession();
    }

    /** Runs the run in {@code runDir} at once; to be started in a session of its own. */
    List<String> stepExec(Path runDir) {
        return command(nice, true, archive.options(), "step-exec", runDir.toString());
    }

    /** Warms up in {@code dir}, then waits there for a run while this service lives; to be started in a session of its own. */
    List<String> standby(Path dir) {
        long pid = ProcessHandle.current().pid();
        long started = ProcessGroups.startTimeMillis(pid).orElse(0L);
        List<String> arguments = new ArrayList<>(List.of("standby", dir.toString(), Long.toString(pid),
                Long.toString(started)));
        if (idleStandby) {
            arguments.add(Integer.toString(nice));
        }
        return command(idleStandby ? ThreadPriority.IDLE_NICE : nice, true, archive.options(),
                arguments.toArray(String[]::new));
    }

    /**
     * Warms up and exits, with {@code extraOptions} (those that make or check the archive); started in
     * the service's own session, so it leaves the session's group alone.
     */
    List<String> warmUp(List<String> extraOptions) {
        return command(nice, false, extraOptions, "warm-up");
    }

    /** The niceness a standby takes with its run, where it starts at another (the lowest). */
    OptionalInt standbyRunNice() {
        return idleStandby ? OptionalInt.of(nice) : OptionalInt.empty();
    }

    StepArchive archive() {
        return archive;
    }

    /** @param ownSession whether the process runs in a session of its own, whose group it may set */
    private List<String> command(int nice, boolean ownSession, List<String> extraOptions, String... arguments) {
        List<String> command = new ArrayList<>();
        if (nice > 0 && ownSession && groupsBySession) {
            // the process's session group takes its niceness before the JVM starts (which sets it too, but
            // only once started: until then, it would share the CPU with runs as an equal)
            command.addAll(List.of("sh", "-c", "echo " + nice + " > /proc/self/autogroup 2>/dev/null; exec \"$@\"",
                    "gsv-nice"));
        }
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
