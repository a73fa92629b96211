package gsvtrainer.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A task's status as the server reports it; {@link #UNKNOWN} stands for values newer than this client. */
public enum TaskStatus {
    @JsonProperty("created") CREATED(false),
    @JsonProperty("running") RUNNING(false),
    @JsonProperty("completed") COMPLETED(true),
    @JsonProperty("failed") FAILED(true),
    @JsonProperty("cancelled") CANCELLED(true),
    @JsonEnumDefaultValue UNKNOWN(false);

    private final boolean terminal;

    TaskStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /** True once nothing runs or waits to run for the task. */
    public boolean isTerminal() {
        return terminal;
    }

    /** The wire name, e.g. {@code completed}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
