package gsvtrainer.cli;

import gsvtrainer.client.EventInfo;
import gsvtrainer.client.EventSubscription;
import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.GsvTrainerException;
import gsvtrainer.client.TaskInfo;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Follows a task until it is completed, failed or cancelled, keeping a {@link PipelineDisplay} current:
 * driven by the SSE stream while it is up, by polling the task and its runs when it is not.
 */
final class PipelineWatcher {

    private static final Duration REFRESH_WHILE_STREAMING = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofSeconds(2);

    private final GsvTrainerClient client;
    private final Duration unreachableWarning;
    private final java.util.function.Consumer<String> warn;
    private long unreachableSince;
    private boolean warned;

    PipelineWatcher(GsvTrainerClient client) {
        this(client, Duration.ofSeconds(30), message -> System.err.println(System.lineSeparator() + message));
    }

    /** Says so through {@code warn} when the server has been unreachable for {@code unreachableWarning}. */
    PipelineWatcher(GsvTrainerClient client, Duration unreachableWarning, java.util.function.Consumer<String> warn) {
        this.client = client;
        this.unreachableWarning = unreachableWarning;
        this.warn = warn;
    }

    TaskInfo watch(String taskId, PipelineDisplay display) throws InterruptedException {
        BlockingQueue<EventInfo> events = new LinkedBlockingQueue<>();
        StepProgress steps = new StepProgress();
        try (EventSubscription stream = client.streamEvents(taskId, 0, events::add)) {
            TaskInfo task = client.getTask(taskId);
            long lastRefresh = System.nanoTime();
            while (true) {
                display.show(task, steps);
                if (task.status() != null && task.status().isTerminal()) {
                    return task;
                }
                boolean streaming = !stream.isDone();
                EventInfo event = events.poll(streaming ? 1 : POLL.getSeconds(), TimeUnit.SECONDS);
                boolean refresh = !streaming || System.nanoTime() - lastRefresh > REFRESH_WHILE_STREAMING.toNanos();
                for (; event != null; event = events.poll()) {
                    refresh |= steps.apply(event);
                }
                if (refresh) {
                    task = refreshed(taskId, task, steps, streaming);
                    lastRefresh = System.nanoTime();
                }
            }
        }
    }

    private TaskInfo refreshed(String taskId, TaskInfo previous, StepProgress steps, boolean streaming) {
        try {
            TaskInfo task = client.getTask(taskId);
            if (!streaming) {
                steps.load(client.listRuns(taskId));
            }
            if (warned) {
                warn.accept("server reachable again");
            }
            unreachableSince = 0;
            warned = false;
            return task;
        } catch (GsvTrainerException e) {
            if (e.status() == 0 || e.status() >= 500) {
                // steps go on on the server while it is away: keep trying, but say so after a while
                long now = System.nanoTime();
                if (unreachableSince == 0) {
                    unreachableSince = now;
                } else if (!warned && now - unreachableSince > unreachableWarning.toNanos()) {
                    warn.accept("cannot reach the server for " + unreachableWarning.toSeconds() + " s ("
                            + e.getMessage() + "); still trying. The task goes on on the server; stop watching with "
                            + "Ctrl-C and check later with: gsv-trainer task status " + taskId);
                    warned = true;
                }
                return previous;
            }
            throw e;
        }
    }
}
