package gsvtrainer.pipeline;

import java.util.List;
import java.util.Set;

/**
 * What the pipeline knows about a step, whether or not its implementation is present: its name,
 * params record, the steps it needs, its resources, and the workspace folders it reads and writes.
 *
 * @param dependsOn  steps whose latest run must have succeeded before this one starts
 * @param after      steps that, when they are part of the run, must finish first (e.g. the
 *                   skippable denoise before ASR)
 * @param versions   model versions the step applies to; empty for all
 * @param skippable  whether a pipeline may skip the step, which runs it with {@code {"skip": true}}
 *                   (its params have that flag) so that it clears what an earlier run of it left
 */
public record StepDefinition(
        String name,
        Class<? extends Record> paramsType,
        List<String> dependsOn,
        List<String> after,
        Resources resources,
        List<String> inputs,
        List<String> outputs,
        Set<String> versions,
        boolean skippable) {

    public StepDefinition {
        dependsOn = List.copyOf(dependsOn);
        after = List.copyOf(after);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        versions = Set.copyOf(versions);
    }

    public boolean appliesTo(String version) {
        return versions.isEmpty() || versions.contains(version);
    }
}
