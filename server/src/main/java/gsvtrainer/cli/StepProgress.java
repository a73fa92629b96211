package gsvtrainer.cli;

import gsvtrainer.client.EventInfo;
import gsvtrainer.client.RunStatus;
import gsvtrainer.client.StepRunInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest known state of each step of a task, fed by {@code progress}/{@code status} events or, when
 * the event stream is down, by the run list.
 */
final class StepProgress {

    /** One step's latest state. */
    record State(RunStatus status, double fraction, Map<String, Object> detail) {
    }

    private final Map<String, State> steps = new LinkedHashMap<>();

    /** Applies an event; true when it changes what the task as a whole looks like (worth a refresh). */
    boolean apply(EventInfo event) {
        Object step = event.data().get("step");
        if (!(step instanceof String name)) {
            return false;
        }
        State old = steps.getOrDefault(name, new State(RunStatus.QUEUED, 0, Map.of()));
        switch (event.type() == null ? "" : event.type()) {
            case "progress" -> {
                steps.put(name, new State(RunStatus.RUNNING, TaskEventsCommand.number(event.data().get("progress")),
                        TaskEventsCommand.asMap(event.data().get("detail"))));
                return false;
            }
            case "status" -> {
                RunStatus status = statusOf(event.data().get("status"));
                double fraction = status == RunStatus.SUCCEEDED ? 1 : status == RunStatus.QUEUED ? 0 : old.fraction();
                steps.put(name, new State(status, fraction, old.detail()));
                return true;
            }
            case "artifact" -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Replaces what is known with the latest run of each step (runs come oldest first). */
    void load(List<StepRunInfo> runs) {
        for (StepRunInfo run : runs) {
            steps.put(run.step(), new State(run.status(), run.progressFraction(), run.detail()));
        }
    }

    State of(String step) {
        return step == null ? null : steps.get(step);
    }

    /** The steps running now, in the order first seen. */
    List<String> running() {
        return steps.entrySet().stream().filter(e -> e.getValue().status() == RunStatus.RUNNING).map(Map.Entry::getKey).toList();
    }

    private static RunStatus statusOf(Object value) {
        if (value instanceof String text) {
            for (RunStatus status : RunStatus.values()) {
                if (status.wireName().equals(text)) {
                    return status;
                }
            }
        }
        return RunStatus.UNKNOWN;
    }
}
