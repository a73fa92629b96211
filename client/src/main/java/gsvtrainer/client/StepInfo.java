package gsvtrainer.client;

import java.util.List;

/**
 * One entry of the step catalog ({@code GET /steps}): dependencies, resource needs, default params and
 * whether the server has an implementation for it.
 */
public record StepInfo(
        String name,
        List<String> dependsOn,
        List<String> after,
        Boolean gpu,
        Boolean shardable,
        Boolean skippable,
        List<String> versions,
        Object inputs,
        Object outputs,
        Object params,
        Boolean available) {

    public StepInfo {
        dependsOn = dependsOn == null ? List.of() : dependsOn;
        after = after == null ? List.of() : after;
        versions = versions == null ? List.of() : versions;
    }
}
