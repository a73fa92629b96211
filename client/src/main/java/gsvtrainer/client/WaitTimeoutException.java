package gsvtrainer.client;

import java.time.Duration;

/** {@link GsvTrainerClient#waitFor} gave up: the condition did not hold within the timeout. */
public class WaitTimeoutException extends GsvTrainerException {

    private final transient TaskInfo lastSeen;

    public WaitTimeoutException(String taskId, Duration timeout, TaskInfo lastSeen) {
        super("task " + taskId + " did not reach the expected state within " + timeout
                + (lastSeen == null || lastSeen.status() == null ? "" : " (last status: " + lastSeen.status().wireName() + ")"),
                null);
        this.lastSeen = lastSeen;
    }

    /** The task as last polled, null when no poll succeeded. */
    public TaskInfo lastSeen() {
        return lastSeen;
    }
}
