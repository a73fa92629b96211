package gsvtrainer.cli;

import gsvtrainer.client.EventInfo;
import gsvtrainer.client.EventPage;
import gsvtrainer.client.EventSubscription;
import gsvtrainer.client.GsvTrainerClient;
import gsvtrainer.client.Json;
import gsvtrainer.client.TaskStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code task events}: a page of the event log, or the live stream until the task ends. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "Print a task's events; --follow streams them "
        + "live and exits 1 unless the task ends completed.")
final class TaskEventsCommand extends ClientCommand {

    @Parameters(index = "0", paramLabel = "TASK_ID")
    String taskId;

    @Option(names = "--after", defaultValue = "0", description = "Only events with an id above this")
    long after;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many (without --follow)")
    int limit;

    @Option(names = {"-f", "--follow"}, description = "Stream events until the task is completed, failed or cancelled")
    boolean follow;

    @Override
    int run(GsvTrainerClient client) throws InterruptedException {
        if (!follow) {
            EventPage page = client.listEvents(taskId, after, limit);
            out().print(page, () -> page.events().forEach(e -> out().line(line(e))));
            if (page.events().size() >= limit) {
                err().println("(the first " + limit + " events after " + after + "; more with --after " + page.nextAfter()
                        + ", or --follow)");
            }
            return ExitCodes.OK;
        }
        try (EventSubscription subscription = client.streamEvents(taskId, after, this::print)) {
            subscription.await();
            if (subscription.failure().isPresent()) {
                throw subscription.failure().get();
            }
        }
        // the stream ends with the task: exit as `task status --wait` does, so scripts can rely on it
        return client.getTask(taskId).status() == TaskStatus.COMPLETED ? ExitCodes.OK : ExitCodes.TASK_FAILED;
    }

    private void print(EventInfo event) {
        out().line(options.json() ? Json.mapper().writeValueAsString(event) : line(event));
    }

    static String line(EventInfo e) {
        String data = switch (e.type() == null ? "" : e.type()) {
            case "log" -> String.valueOf(e.data().getOrDefault("line", ""));
            case "progress" -> Formats.percent(100 * number(e.data().get("progress")))
                    + " " + Formats.detail(asMap(e.data().get("detail")), 80);
            case "status" -> e.data().getOrDefault("status", "") + errorOf(e);
            default -> Formats.detail(e.data(), 160);
        };
        return String.format("%6d %s %-5s %-8s %-26s %s", e.id(), Formats.time(e.time()), e.level() == null ? "" : e.level(),
                e.type() == null ? "" : e.type(), String.valueOf(e.data().getOrDefault("step", "")), data).stripTrailing();
    }

    private static String errorOf(EventInfo e) {
        Object error = e.data().get("error");
        return error instanceof java.util.Map<?, ?> m ? " " + m.get("code") + ": " + m.get("message") : "";
    }

    static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0.0;
    }

    @SuppressWarnings("unchecked")
    static java.util.Map<String, Object> asMap(Object value) {
        return value instanceof java.util.Map<?, ?> m ? (java.util.Map<String, Object>) m : java.util.Map.of();
    }
}
