package gsvtrainer.scheduler;

/** Lets the API wake the executor when it queued or cancelled something, instead of waiting a tick. */
public interface ExecutorSignal {

    void wake();

    /**
     * A run of {@code step} is likely to be asked for soon (a task was just created: its first step):
     * the executor may get ready for it. A hint only; nothing is queued.
     */
    default void expect(String step) {
    }

    /** For instances that run no executor: the executor holding the lease polls the database. */
    ExecutorSignal NONE = () -> { };
}
