package gsvtrainer.client;

import java.util.List;

/** The answer to {@code pipeline} and {@code resume}: the steps queued and their run ids, in order. */
public record PipelineResponse(String message, List<String> steps, List<String> runIds) {

    public PipelineResponse {
        steps = steps == null ? List.of() : steps;
        runIds = runIds == null ? List.of() : runIds;
    }
}
