package gsvtrainer.client;

/** The answer to {@code POST /task/{task_id}/step/{step}}: the run that was queued. */
public record RunResponse(String message, String taskId, String step, String runId, Integer attempt, RunStatus status) {
}
