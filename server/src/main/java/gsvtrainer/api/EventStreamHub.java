package gsvtrainer.api;

import gsvtrainer.events.Event;
import gsvtrainer.events.EventListener;
import gsvtrainer.events.EventRepository;
import gsvtrainer.task.TaskRepository;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Event subscriptions. One thread delivers: when told that a task has new events (or
 * every second, for events written by another instance) it reads them from the database once per
 * task and sends them to every subscriber of that task from its own cursor.
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

    EventStreamHub(EventRepository events, TaskRepository tasks) {
        this.tasks = tasks;
        this.events = events;
    }

    static final class Subscription {
        final String taskId;
        final SseEmitter emitter;
        volatile long cursor;
        volatile long lastSentMillis = System.currentTimeMillis();

        Subscription(String taskId, SseEmitter emitter, long cursor) {
            this.taskId = taskId;
            this.emitter = emitter;
            this.cursor = cursor;
        }
    }

    SseEmitter subscribe(String taskId, long after) {
        SseEmitter emitter = new SseEmitter(0L);
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
        Map<String, List<Subscription>> byTask = new java.util.HashMap<>();
        for (Subscription s : subscriptions) {
            if (all || dirty.contains(s.taskId)) {
                byTask.computeIfAbsent(s.taskId, k -> new java.util.ArrayList<>()).add(s);
            }
        }
        byTask.keySet().forEach(dirty::remove);
        for (var entry : byTask.entrySet()) {
            long from = entry.getValue().stream().mapToLong(s -> s.cursor).min().orElse(0);
            List<Event> batch;
            do {
                batch = events.after(entry.getKey(), from, BATCH);
                for (Subscription s : entry.getValue()) {
                    send(s, batch);
                }
                if (!batch.isEmpty()) {
                    from = batch.get(batch.size() - 1).id();
                }
            } while (batch.size() == BATCH);
        }
        Map<String, Boolean> exists = new java.util.HashMap<>();
        for (Subscription s : subscriptions) {
            if (now - s.lastSentMillis > KEEPALIVE_MS) {
                if (!exists.computeIfAbsent(s.taskId, id -> tasks.find(id).isPresent())) {
                    // the task was deleted: nothing will come any more, so the stream ends
                    subscriptions.remove(s);
                    s.emitter.complete();
                } else {
                    keepAlive(s);
                }
            }
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
        subscriptions.forEach(s -> s.emitter.complete());
        subscriptions.clear();
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
