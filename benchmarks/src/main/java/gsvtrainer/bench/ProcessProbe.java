package gsvtrainer.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Watches one process, found in /proc by its command line, every 20 ms while it lives: its peak
 * resident set (VmHWM) and the CPU time it used (utime + stime, so the cores it kept busy), both from
 * the first sample on: a run process that served runs before (or warmed up ahead of its run) counts
 * only what it used since. Where this process may (root), it resets the process's VmHWM at that first
 * sample; elsewhere the peak is the process's since it started.
 */
final class ProcessProbe implements AutoCloseable {

    private static final double TICKS_PER_SECOND = 100.0;

    private final Predicate<String> commandLine;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private volatile long pid = -1;
    private volatile long peakKiB;
    private volatile long cpuTicks;
    private volatile long firstCpuTicks = -1;

    private ProcessProbe(Predicate<String> commandLine, long pid) {
        this.commandLine = commandLine;
        this.pid = pid;
        sampler.scheduleAtFixedRate(this::sample, 0, 20, TimeUnit.MILLISECONDS);
    }

    /** Watches the process whose NUL-separated command line, joined by spaces, matches. */
    static ProcessProbe watching(Predicate<String> commandLine) {
        return new ProcessProbe(commandLine, -1);
    }

    /** Watches a process already known by its id. */
    static ProcessProbe of(long pid) {
        return new ProcessProbe(c -> false, pid);
    }

    boolean seen() {
        return peakKiB > 0;
    }

    double peakMiB() {
        return peakKiB / 1024.0;
    }

    double cpuSeconds() {
        return firstCpuTicks < 0 ? 0 : (cpuTicks - firstCpuTicks) / TICKS_PER_SECOND;
    }

    private void sample() {
        try {
            if (pid < 0) {
                pid = find();
            }
            if (pid >= 0) {
                Path proc = Path.of("/proc", Long.toString(pid));
                boolean first = firstCpuTicks < 0;
                if (first) {
                    resetPeak(proc);
                }
                for (String line : Files.readAllLines(proc.resolve("status"))) {
                    if (line.startsWith("VmHWM:")) {
                        peakKiB = Math.max(peakKiB, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
                String stat = Files.readString(proc.resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                cpuTicks = Math.max(cpuTicks, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                if (first) {
                    firstCpuTicks = cpuTicks;
                }
            }
        } catch (Exception e) {
            // the process has not started yet or has just ended
        }
    }

    /** Resets the peak resident set to the current one ({@code clear_refs} 5), where this process may. */
    private static void resetPeak(Path proc) {
        try {
            Files.writeString(proc.resolve("clear_refs"), "5");
        } catch (Exception e) {
            // not allowed: the peak stays the process's since it started
        }
    }

    private long find() throws Exception {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String command = new String(Files.readAllBytes(entry.resolve("cmdline")), StandardCharsets.UTF_8)
                            .replace('\0', ' ');
                    if (commandLine.test(command)) {
                        return Long.parseLong(entry.getFileName().toString());
                    }
                } catch (Exception e) {
                    // gone while listing
                }
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdown();
        sampler.awaitTermination(1, TimeUnit.SECONDS);
    }
}
