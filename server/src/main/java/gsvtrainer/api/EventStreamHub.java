package gsvtrainer.api;

import gsvtrainer.events.Event;
import gsvtrainer.events.EventListener;
import gsvtrainer.events.EventRepository;
import gsvtrainer.task.TaskRepository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Event subscriptions. One thread decides what to send: when told that a task has new
 * events (or every second, for events written by another instance) it reads them from the database
 * once per task. The writes go to each subscriber on a sender thread, one write in flight per
 * subscriber, so a client that stops reading (its socket buffers full, its write blocked) holds up
 * only itself: it is skipped until its write returns, then catches up from its own cursor.
 */
@Component
class EventStreamHub implements EventListener, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventStreamHub.class);
    private static final int BATCH = 500;
    private static final long KEEPALIVE_MS = 15_000;

    private final EventRepository events;
    private final TaskRepository tasks;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final Semaphore signal = new Semaphore(0);
    private volatile Thread thread;
    private volatile ExecutorService senders;

    EventStreamHub(EventRepository events, TaskRepository tasks) {
        this.tasks = tasks;
        this.events = events;
    }

    static final class Subscription {
        final String taskId;
        final SseEmitter emitter;
        final AtomicBoolean writing = new AtomicBoolean();
        /** Passed over while writing: look again once the write returns. */
        volatile boolean missed;
        volatile long cursor;
        volatile long lastSentMillis = System.currentTimeMillis();

        Subscription(String taskId, SseEmitter emitter, long cursor) {
            this.taskId = taskId;
            this.emitter = emitter;
            this.cursor = cursor;
        }
    }

    SseEmitter subscribe(String taskId, long after) {
        return subscribe(taskId, after, new SseEmitter(0L));
    }

    SseEmitter subscribe(String taskId, long after, SseEmitter emitter) {
        Subscription subscription = new Subscription(taskId, emitter, after);
        emitter.onCompletion(() -> subscriptions.remove(subscription));
        emitter.onTimeout(() -> subscriptions.remove(subscription));
        emitter.onError(e -> subscriptions.remove(subscription));
        subscriptions.add(subscription);
        eventsAppended(taskId);
        return emitter;
    }

    int subscriberCount() {
        return subscriptions.size();
    }

    @Override
    public void eventsAppended(String taskId) {
        dirty.add(taskId);
        signal.release();
    }

    private void deliverLoop() {
        long lastFullPass = 0;
        while (thread != null) {
            try {
                signal.tryAcquire(1, TimeUnit.SECONDS);
                signal.drainPermits();
                long now = System.currentTimeMillis();
                boolean full = now - lastFullPass >= 1000;
                if (full) {
                    lastFullPass = now;
                }
                deliver(full, now);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("event delivery failed: {}", e.toString());
            }
        }
    }

    private void deliver(boolean all, long now) {
        Map<String, List<Subscription>> byTask = new HashMap<>();
        for (Subscription s : subscriptions) {
            if (all || dirty.contains(s.taskId)) {
                // missed before writing is read again: a write ending meanwhile sees missed, or we see it ended
                s.missed = true;
                if (!s.writing.get()) {
                    s.missed = false;
                    byTask.computeIfAbsent(s.taskId, k -> new ArrayList<>()).add(s);
                }
            }
        }
        byTask.keySet().forEach(dirty::remove);
        for (var entry : byTask.entrySet()) {
            long from = entry.getValue().stream().mapToLong(s -> s.cursor).min().orElse(0);
            List<Event> batch = events.after(entry.getKey(), from, BATCH);
            if (batch.size() == BATCH) {
                eventsAppended(entry.getKey()); // more to read: the next pass goes on from here
            }
            for (Subscription s : entry.getValue()) {
                if (!batch.isEmpty() && batch.get(batch.size() - 1).id() > s.cursor) {
                    write(s, () -> send(s, batch));
                }
            }
        }
        Map<String, Boolean> exists = new HashMap<>();
        for (Subscription s : subscriptions) {
            if (now - s.lastSentMillis > KEEPALIVE_MS && !s.writing.get()) {
                if (!exists.computeIfAbsent(s.taskId, id -> tasks.find(id).isPresent())) {
                    // the task was deleted: nothing will come any more, so the stream ends
                    write(s, () -> {
                        subscriptions.remove(s);
                        s.emitter.complete();
                    });
                } else {
                    write(s, () -> keepAlive(s));
                }
            }
        }
    }

    /** Runs {@code action}, which writes to the subscriber, on a sender thread unless a write of its is under way. */
    private void write(Subscription s, Runnable action) {
        ExecutorService pool = senders;
        if (pool == null || !s.writing.compareAndSet(false, true)) {
            s.missed = true;
            return;
        }
        try {
            pool.execute(() -> {
                try {
                    action.run();
                } finally {
                    s.writing.set(false);
                    if (s.missed) {
                        s.missed = false;
                        eventsAppended(s.taskId);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            s.writing.set(false);
            s.missed = true;
        }
    }

    private void send(Subscription s, List<Event> batch) {
        try {
            for (Event event : batch) {
                if (event.id() <= s.cursor) {
                    continue;
                }
                s.emitter.send(SseEmitter.event().id(Long.toString(event.id())).name(event.type().wireName())
                        .data(EventInfo.of(event), MediaType.APPLICATION_JSON));
                s.cursor = event.id();
                s.lastSentMillis = System.currentTimeMillis();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away: end the stream quietly, it is not a server error.
            subscriptions.remove(s);
            s.emitter.complete();
        }
    }

    private void keepAlive(Subscription s) {
        try {
            s.emitter.send(SseEmitter.event().comment("keep-alive"));
            s.lastSentMillis = System.currentTimeMillis();
        } catch (IOException | IllegalStateException e) {
            subscriptions.remove(s);
        }
    }

    @Override
    public void start() {
        // no bound: one write at most is under way per subscriber, so threads never outnumber them
        senders = Executors.newCachedThreadPool(task -> {
            Thread sender = new Thread(task, "sse-send");
            sender.setDaemon(true);
            return sender;
        });
        thread = new Thread(this::deliverLoop, "sse-delivery");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
        }
        ExecutorService pool = senders;
        senders = null;
        if (pool != null) {
            pool.shutdownNow();
        }
        subscriptions.forEach(s -> s.emitter.complete());
        subscriptions.clear();
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
