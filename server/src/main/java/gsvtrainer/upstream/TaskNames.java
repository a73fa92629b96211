package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepContext;

/** The experiment name upstream uses for log names and weight file names. */
final class TaskNames {

    private TaskNames() {
    }

    static String expName(StepContext context) {
        Object name = context.taskConfig().get("exp_name");
        return name == null || String.valueOf(name).isBlank() ? "my_speaker" : String.valueOf(name).strip();
    }
}
