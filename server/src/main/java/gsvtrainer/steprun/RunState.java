package gsvtrainer.steprun;

import java.time.Instant;

/**
 * A step run as a task's status is derived from it: without its params, details and resources, whose
 * JSON a status read has no use for.
 */
public record RunState(String id, String step, int attempt, RunStatus status, double progress, Instant createdAt,
                       RunError error, boolean outdated) {
}
