package gsvtrainer.process;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU niceness of this process's threads and of its session, on Linux. Linux keeps a niceness per
 * thread, and a thread takes its creator's; lowering one (a higher priority) needs {@code CAP_SYS_NICE}.
 * So a process can start at the lowest priority and later take the one its work is to run at only where
 * it holds that capability, which {@link #canRaise()} says. Where the kernel groups tasks by session
 * (autogroup, the default on desktops and many servers), it first shares the CPU between sessions,
 * by each session's own niceness, and only then between the threads of one: a run process, in a session
 * of its own, must set that niceness too, or its threads' niceness makes no difference to others.
 */
public final class ThreadPriority {

    /** The lowest priority. */
    public static final int IDLE_NICE = 19;
    private static final int CAP_SYS_NICE = 23;
    private static final Path SELF = Path.of("/proc/self");
    private static final Duration RENICE_TIMEOUT = Duration.ofSeconds(10);

    private ThreadPriority() {
    }

    /** Whether this process may raise its threads' priority: it holds {@code CAP_SYS_NICE}. */
    public static boolean canRaise() {
        try {
            return effectiveCapabilities(Files.readString(SELF.resolve("status"))).testBit(CAP_SYS_NICE);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static BigInteger effectiveCapabilities(String status) {
        return status.lines().filter(l -> l.startsWith("CapEff:")).findFirst()
                .map(l -> new BigInteger(l.substring("CapEff:".length()).trim(), 16)).orElse(BigInteger.ZERO);
    }

    /**
     * Sets every thread of this process to {@code nice} (threads created later by one of them take it
     * too); returns false if that could not be done, say for want of the capability.
     */
    public static boolean setAllThreads(int nice) {
        Optional<Set<String>> first = threads();
        if (first.isEmpty() || !setThreads(nice, first.get())) {
            return false;
        }
        // a thread the JVM started while that ran has its creator's old niceness: those go again
        Optional<Set<String>> started = threads().map(now -> {
            now.removeAll(first.get());
            return now;
        });
        return started.isPresent() && (started.get().isEmpty() || setThreads(nice, started.get()));
    }

    /**
     * Sets every thread of every process in the session led by {@code sessionId} (its process group,
     * as this service starts run processes) to {@code nice}, and the session's group where the kernel
     * groups by session. Another process can do this for a process that gets no CPU time to do it
     * itself. Returns false if either could not be done.
     */
    public static boolean setSession(long sessionId, int nice) {
        List<String> command = List.of("renice", "-n", Integer.toString(nice), "-g", Long.toString(sessionId));
        boolean threads = succeeds(command);
        return groupsBySession() ? setSessionGroup(sessionId, nice) && threads : threads;
    }

    /**
     * Sets the niceness of the session group of process {@code pid} (of its whole session), where the
     * kernel groups by session; returns false where it does not, or it could not be set.
     */
    public static boolean setSessionGroup(long pid, int nice) {
        try {
            Files.writeString(Path.of("/proc", Long.toString(pid), "autogroup"), Integer.toString(nice));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The ids of this process's threads. */
    private static Optional<Set<String>> threads() {
        try (Stream<Path> tasks = Files.list(SELF.resolve("task"))) {
            return Optional.of(tasks.map(t -> t.getFileName().toString()).collect(Collectors.toCollection(HashSet::new)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Sets the niceness of this process's session group where the kernel groups by session; returns
     * false where it does not, or the niceness could not be set.
     */
    public static boolean setSessionGroup(int nice) {
        return setSessionGroup(ProcessHandle.current().pid(), nice);
    }

    /**
     * Whether this process's session is led by its parent: the session the service's wrapper makes for
     * each run process ({@code setsid sh -c ...}), not one it shares with others.
     */
    public static boolean inSessionOfItsParent() {
        long self = ProcessHandle.current().pid();
        return ProcessGroups.stat(self).map(s -> s.session() == s.ppid()).orElse(false);
    }

    /** Whether the kernel groups this process's tasks by session for CPU sharing. */
    public static boolean groupsBySession() {
        try {
            return Files.isRegularFile(SELF.resolve("autogroup"))
                    && Files.readString(Path.of("/proc/sys/kernel/sched_autogroup_enabled")).strip().equals("1");
        } catch (IOException e) {
            return false;
        }
    }

    /** The niceness of the calling thread, where /proc tells it. */
    public static Optional<Integer> ofCurrentThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Integer.parseInt(fields[16]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean setThreads(int nice, Set<String> threads) {
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        command.addAll(threads);
        return succeeds(command) || ofCurrentThread().map(n -> n == nice).orElse(false);
    }

    private static boolean succeeds(List<String> command) {
        return Commands.succeeds(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD), RENICE_TIMEOUT);
    }
}
