package gsvtrainer.upstream;

import gsvtrainer.pipeline.StepContext;

/** Half precision as upstream decides it: asked for (default on) and only on a real GPU. */
final class Precision {

    private Precision() {
    }

    static boolean realGpus(StepContext context) {
        return Boolean.parseBoolean(context.settings().getOrDefault("real_gpus", "false"));
    }

    static boolean isHalf(StepContext context, Boolean asked) {
        return (asked == null || asked) && realGpus(context) && !context.gpus().isEmpty();
    }

    /** Python's spelling, which upstream reads back with {@code eval}. */
    static String python(boolean value) {
        return value ? "True" : "False";
    }
}
