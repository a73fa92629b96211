package gsvtrainer.task;

import java.util.List;
import java.util.Map;

/** Pipeline steps to queue once the transcripts are approved. */
public record PendingPlan(List<String> steps, Map<String, Map<String, Object>> params, boolean force) {

    public PendingPlan {
        steps = List.copyOf(steps);
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
