package gsvtrainer.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds and kills every process of a run's session through {@code /proc}. Killing only the root
 * process would orphan its children; killing the session reaches grandchildren too, even those that
 * started their own process group.
 */
public final class ProcessGroups {

    private ProcessGroups() {
    }

    /** A process as /proc tells it. */
    public record ProcStat(long pid, char state, long ppid, long pgrp, long session) {
        boolean isZombie() {
            return state == 'Z' || state == 'X';
        }
    }

    /** The live (non-zombie) processes whose session id is {@code sessionId}. */
    public static List<ProcStat> members(long sessionId) {
        List<ProcStat> found = new ArrayList<>();
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                stat(Long.parseLong(name)).filter(s -> s.session() == sessionId && !s.isZombie()).ifPresent(found::add);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
        return found;
    }

    public static Optional<ProcStat> stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Optional.of(new ProcStat(pid, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static Optional<Long> startTimeMillis(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().startInstant()).map(i -> i.toEpochMilli());
    }

    /** Whether the process with this pid is the one started at {@code startedAtMillis} and still running. */
    public static boolean isSameAndAlive(long pid, long startedAtMillis) {
        Optional<ProcStat> stat = stat(pid);
        if (stat.isEmpty() || stat.get().isZombie()) {
            return false;
        }
        return startTimeMillis(pid).map(t -> Math.abs(t - startedAtMillis) < 1000).orElse(false);
    }

    /**
     * SIGTERM to every process of the session, up to {@code grace} for them to exit, then SIGKILL,
     * and waits until none is left. Returns true when the session is empty.
     */
    public static boolean killSession(long sessionId, Duration grace) {
        Map<Long, ProcessHandle> tree = new HashMap<>();
        collect(sessionId, tree);
        if (tree.isEmpty()) {
            return true;
        }
        signal(tree, false);
        if (awaitEmpty(sessionId, tree, grace)) {
            return true;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            signal(tree, true);
            if (awaitEmpty(sessionId, tree, Duration.ofMillis(200))) {
                return true;
            }
        }
        return remaining(sessionId, tree).isEmpty();
    }

    /**
     * The session's members and every descendant of its leader: a descendant that started a session
     * of its own is still found through its parent while that parent lives.
     */
    private static void collect(long sessionId, Map<Long, ProcessHandle> tree) {
        for (ProcStat member : members(sessionId)) {
            ProcessHandle.of(member.pid()).ifPresent(h -> {
                tree.putIfAbsent(h.pid(), h);
                h.descendants().forEach(d -> tree.putIfAbsent(d.pid(), d));
            });
        }
    }

    private static List<ProcessHandle> remaining(long sessionId, Map<Long, ProcessHandle> tree) {
        collect(sessionId, tree);
        return tree.values().stream().filter(ProcessHandle::isAlive)
                .filter(h -> stat(h.pid()).map(s -> !s.isZombie()).orElse(false)).toList();
    }

    private static void signal(Map<Long, ProcessHandle> tree, boolean forcibly) {
        for (ProcessHandle handle : List.copyOf(tree.values())) {
            if (forcibly) {
                handle.destroyForcibly();
            } else {
                handle.destroy();
            }
        }
    }

    private static boolean awaitEmpty(long sessionId, Map<Long, ProcessHandle> tree, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            if (remaining(sessionId, tree).isEmpty()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return remaining(sessionId, tree).isEmpty();
            }
        } while (System.nanoTime() < deadline);
        return false;
    }
}
