package gsvtrainer.process;

import java.util.Optional;

/**
 * A run process: its pid (which is also its session and process-group id) and start time, which
 * together identify it across service restarts. {@code handle} is present only in the service
 * instance that started it.
 */
public record LaunchedProcess(long pid, long startedAtMillis, Optional<Process> handle) {
}
