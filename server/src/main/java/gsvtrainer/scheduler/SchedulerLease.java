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
                + ManagementFactory.getRuntimeMXBean().getStartTime() + ":" + gsvtrainer.config.Ids.random(6);
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

    private boolean isDeadLocalHolder(String other) {
        String[] parts = other.split(":");
        if (parts.length < 3 || !parts[0].equals(hostName())) {
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

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
