package gsvtrainer.pipeline;

/**
 * The implementation of one pipeline step. It runs inside the step's own process (never inside the
 * server), reads its inputs from the task workspace and reports through {@link StepContext#reporter()}.
 * Implementations are found by {@link #name()} through {@link java.util.ServiceLoader}, so a step
 * whose implementation is not on the class path is known to the pipeline but unavailable.
 *
 * @param <P> the step's params record, as declared by its {@link StepDefinition}
 */
public interface StepAction<P extends Record> {

    /** The step name this action implements, e.g. {@code slice_audio}. */
    String name();

    /**
     * Does the step's work. Throw {@link StepFailure} with a machine-readable code for an expected
     * failure (bad input, missing upstream); any other exception fails the run as {@code step_error}.
     */
    void run(StepContext context, P params) throws Exception;

    /**
     * Loads, ahead of any run, what the step's runs need and take long to load (native libraries). A
     * run process started before its run calls this on a background thread while it waits, so it must
     * write nothing and be safe beside any run; a failure here is ignored (the run meets it again).
     */
    default void prepare() {
    }
}
