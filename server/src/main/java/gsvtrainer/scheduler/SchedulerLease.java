package gsvtrainer.scheduler;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The lease row that makes exactly one executor per database schedule runs. A holder renews it each
 * tick; another instance takes it over when it expires, or at once when the holder was a process on
 * this host that no longer exists (a restart after a crash).
 */
@Component
public class SchedulerLease {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String holder;

    public SchedulerLease(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.holder = hostName() + ":" + ProcessHandle.current().pid() + ":"
                + ManagementFactory.getRuntimeMXBean().getStartTime() + ":" + gsvtrainer.config.Ids.random(6) + ":"
                + PID_NAMESPACE;
    }

    public String holder() {
        return holder;
    }

    /** Takes or renews the lease; true while this instance holds it. */
    public boolean tryHold(Duration ttl) {
        long now = clock.millis();
        String current = jdbc.sql("SELECT holder FROM scheduler_lease WHERE name = 'local'").query(String.class)
                .optional().orElse(null);
        boolean takeOver = current != null && !current.equals(holder) && isDeadLocalHolder(current);
        String sql = "UPDATE scheduler_lease SET holder = ?, expires_at = ? WHERE name = 'local' AND "
                + (takeOver ? "holder = ?" : "(holder = ? OR holder IS NULL OR expires_at < " + now + ")");
        return jdbc.sql(sql).params(holder, now + ttl.toMillis(), takeOver ? current : holder).update() == 1;
    }

    public void release() {
        jdbc.sql("UPDATE scheduler_lease SET holder = NULL, expires_at = 0 WHERE name = 'local' AND holder = ?")
                .param(holder).update();
    }

    /**
     * Whether the holder is a process of this host, in this pid namespace, that is gone: then the lease
     * is taken at once instead of when it expires. Another namespace (a container sharing the host
     * name) cannot be judged by pid, so its lease is left to expire.
     */
    private boolean isDeadLocalHolder(String other) {
        String[] parts = other.split(":");
        if (parts.length < 3 || !parts[0].equals(hostName())) {
            return false;
        }
        if (parts.length >= 5 ? !parts[4].equals(PID_NAMESPACE) : !PID_NAMESPACE.isEmpty()) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            long start = Long.parseLong(parts[2]);
            return ProcessHandle.of(pid).flatMap(h -> h.info().startInstant())
                    .map(t -> Math.abs(t.toEpochMilli() - start) > 2000).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** This process's pid namespace ("4026531836"), or empty where /proc does not tell. */
    private static final String PID_NAMESPACE = pidNamespace();

    private static String pidNamespace() {
        try {
            return java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/ns/pid")).toString()
                    .replaceAll("\\D", "");
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return "";
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
