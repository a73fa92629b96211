package gsvtrainer.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A step run's status; {@link #UNKNOWN} stands for values newer than this client. */
public enum RunStatus {
    @JsonProperty("queued") QUEUED(false),
    @JsonProperty("running") RUNNING(false),
    @JsonProperty("succeeded") SUCCEEDED(true),
    @JsonProperty("failed") FAILED(true),
    @JsonProperty("cancelled") CANCELLED(true),
    @JsonProperty("interrupted") INTERRUPTED(true),
    @JsonEnumDefaultValue UNKNOWN(false);

    private final boolean terminal;

    RunStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /** True when the run has ended one way or another. */
    public boolean isTerminal() {
        return terminal;
    }

    /** The wire name, e.g. {@code succeeded}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
