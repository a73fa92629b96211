package gsvtrainer.scheduler;

/** Lets the API wake the executor when it queued or cancelled something, instead of waiting a tick. */
public interface ExecutorSignal {

    void wake();

    /** For instances that run no executor: the executor holding the lease polls the database. */
    ExecutorSignal NONE = () -> { };
}
