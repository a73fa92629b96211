package gsvtrainer.process;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Short helper commands the service runs and waits for: a check, a renice. */
public final class Commands {

    private Commands() {
    }

    /**
     * Starts {@code builder}'s command and waits up to {@code timeout}: true when it exits 0 in time;
     * false when it cannot start, fails, or runs over (then it is killed). An interrupt while waiting
     * is kept on the thread and counts as a failure.
     */
    public static boolean succeeds(ProcessBuilder builder, Duration timeout) {
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
