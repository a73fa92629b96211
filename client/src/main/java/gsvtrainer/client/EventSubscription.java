package gsvtrainer.client;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A live subscription to a task's event stream, returned by {@link GsvTrainerClient#streamEvents}. It ends
 * when closed, when the task is terminal and every event has been delivered, or on an error that a
 * reconnect cannot fix (e.g. the task was deleted), which {@link #failure()} then reports.
 */
public final class EventSubscription implements AutoCloseable {

    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile long lastEventId;
    private volatile RuntimeException failure;
    private volatile Thread worker;
    private volatile Closeable currentStream;

    EventSubscription(long afterId) {
        this.lastEventId = afterId;
    }

    /** The id of the last event delivered (or the starting point when none was). */
    public long lastEventId() {
        return lastEventId;
    }

    /** True once the subscription has ended for whatever reason. */
    public boolean isDone() {
        return finished.getCount() == 0;
    }

    /** Waits until the subscription ends; false if it is still running after {@code timeout}. */
    public boolean await(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the subscription ends. */
    public void await() throws InterruptedException {
        finished.await();
    }

    /** Why the subscription ended on its own, if it was an error (the server's or the consumer's). */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Stops the subscription; events already being delivered finish first. Idempotent. */
    @Override
    public void close() {
        closed = true;
        Thread thread = worker;
        if (thread != null && thread != Thread.currentThread()) {
            thread.interrupt();
        }
        closeCurrentStream();
    }

    boolean isClosed() {
        return closed;
    }

    void start(Thread thread) {
        this.worker = thread;
        thread.start();
    }

    void delivered(long id) {
        lastEventId = id;
    }

    void streamOpened(Closeable stream) {
        currentStream = stream;
        if (closed) {
            closeCurrentStream();
        }
    }

    void finish(RuntimeException error) {
        failure = error;
        finished.countDown();
    }

    private void closeCurrentStream() {
        Closeable stream = currentStream;
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException | RuntimeException ignored) {
                // closing is best effort; the interrupt ends the read anyway
            }
        }
    }
}
