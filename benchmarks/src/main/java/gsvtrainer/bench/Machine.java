package gsvtrainer.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmark ran on, from /proc, and the load average the figures were taken under. */
final class Machine {

    private Machine() {
    }

    /** CPU model, cores, memory and Java version in one line. */
    static String describe() throws Exception {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        long memKiB = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", ""))).orElse(0L);
        return String.format("%s, %d cores, %.0f GiB RAM, Java %s (%s), Linux %s", model,
                Runtime.getRuntime().availableProcessors(), memKiB / 1048576.0, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.version"));
    }

    /** The 1-minute load average now. */
    static double load() throws Exception {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
