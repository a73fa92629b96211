package gsvtrainer.pipeline;

import java.nio.file.Path;

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

    /**
     * Runs the step's busiest code on input it makes up in {@code scratch}, so that a process started
     * ahead of a run of this step has it compiled when the run arrives. Called, after {@link #prepare()},
     * only in such a process that expects this step and waits at the lowest CPU priority; it writes
     * nothing outside {@code scratch}, which is removed after, and stops soon once its thread is
     * interrupted (the run arrived). A failure here is ignored.
     */
    default void rehearse(Path scratch) throws Exception {
    }
}
