package gsvtrainer.task;

import java.time.Instant;
import java.util.Map;

/**
 * A voice being trained, as stored. Its status is not stored: {@link TaskStatusView} derives it from
 * the task's step runs.
 *
 * @param ownerKey    id of the API key that created it; null when created without a key
 * @param plan        the rest of a pipeline waiting for transcript approval, or null
 * @param reviewState {@code none}, {@code pending} (waiting for approval) or {@code approved}
 */
public record Task(
        String id,
        String name,
        String ownerKey,
        Map<String, Object> config,
        PendingPlan plan,
        String reviewState,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public String modelVersion() {
        return String.valueOf(config.getOrDefault("version", TaskConfig.DEFAULT_VERSION));
    }
}
