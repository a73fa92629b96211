package gsvtrainer.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /task/{task_id}/pipeline}: which part of the pipeline to queue, per-step params
 * and whether to re-run steps that already succeeded. Absent bounds mean "from the first remaining step"
 * and "to the end".
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record PipelineRequest(
        String from,
        String to,
        String stopAfter,
        List<String> skip,
        Map<String, Map<String, Object>> params,
        boolean force) {

    public PipelineRequest {
        skip = skip == null ? List.of() : List.copyOf(skip);
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The whole remaining pipeline with default params. */
    public static PipelineRequest remaining() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Fluent construction of a {@link PipelineRequest}. */
    public static final class Builder {
        private String from;
        private String to;
        private String stopAfter;
        private final List<String> skip = new ArrayList<>();
        private final Map<String, Map<String, Object>> params = new LinkedHashMap<>();
        private boolean force;

        private Builder() {
        }

        public Builder from(String step) {
            this.from = step;
            return this;
        }

        public Builder to(String step) {
            this.to = step;
            return this;
        }

        /** Stop after this step, e.g. {@code asr_transcribe} to review the transcript. */
        public Builder stopAfter(String step) {
            this.stopAfter = step;
            return this;
        }

        public Builder skip(String step) {
            this.skip.add(step);
            return this;
        }

        public Builder param(String step, String name, Object value) {
            this.params.computeIfAbsent(step, s -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        public Builder params(String step, Map<String, Object> values) {
            this.params.computeIfAbsent(step, s -> new LinkedHashMap<>()).putAll(values);
            return this;
        }

        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        public PipelineRequest build() {
            Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
            params.forEach((step, values) -> copy.put(step, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
            return new PipelineRequest(from, to, stopAfter, skip, copy, force);
        }
    }
}
