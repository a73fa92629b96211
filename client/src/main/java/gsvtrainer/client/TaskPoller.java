package gsvtrainer.client;

import java.time.Duration;
import java.util.function.Predicate;

/** Polls a task until a condition holds, riding out transient failures until the deadline. */
final class TaskPoller {

    private final GsvTrainerClient client;
    private final Duration interval;

    TaskPoller(GsvTrainerClient client, Duration interval) {
        this.client = client;
        this.interval = interval;
    }

    TaskInfo waitFor(String taskId, Predicate<TaskInfo> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        TaskInfo last = null;
        while (true) {
            try {
                last = client.getTask(taskId);
                if (condition.test(last)) {
                    return last;
                }
            } catch (GsvTrainerException e) {
                if (!EventStreamWorker.isRetriable(e) || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new WaitTimeoutException(taskId, timeout, last);
            }
            sleep(Math.min(left, interval.toNanos()));
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GsvTrainerException("interrupted while waiting for the task", e);
        }
    }
}
