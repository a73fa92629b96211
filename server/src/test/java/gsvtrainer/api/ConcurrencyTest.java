package gsvtrainer.api;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.events.EventLog;
import gsvtrainer.events.EventType;
import gsvtrainer.steprun.RunLifecycle;
import gsvtrainer.upstream.StandinServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Racing requests and many writers on one SQLite database. */
class ConcurrencyTest extends StandinServerTest {

    @Autowired
    EventLog events;

    @Autowired
    RunLifecycle lifecycle;

    @Test
    void twoConcurrentRequestsToRunTheSameStepCreateExactlyOneRun() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String task = createStandinTask("race-" + round, Map.of("s1_train", Map.of("epoch_seconds", 5)));
                givenFeatures(task);
                CountDownLatch go = new CountDownLatch(1);
                Callable<Integer> request = () -> {
                    go.await();
                    return post("/api/v1/task/" + task + "/step/train_gpt", "{}").statusCode();
                };
                Future<Integer> a = pool.submit(request);
                Future<Integer> b = pool.submit(request);
                go.countDown();
                assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
                assertThat(runsOf(task).stream().filter(r -> r.step().equals("train_gpt"))).hasSize(1);
                post("/api/v1/task/" + task + "/cancel", "");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twentyConcurrentWritersNeverSeeALockedDatabase() throws Exception {
        String task = createStandinTask("writers", Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<?>> futures = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        try {
            for (int writer = 0; writer < 20; writer++) {
                int w = writer;
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 25; i++) {
                        events.record(task, null, "info", EventType.LOG, Map.of("writer", w, "i", i));
                        if (i % 5 == 0) {
                            var run = lifecycle.queue(createTask("w" + w + "-" + i, Map.of()), "convert_audio", Map.of(), false);
                            lifecycle.cancel(run);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat((List<?>) json(get("/api/v1/task/" + task + "/events?limit=1000")).get("events")).hasSize(1 + 20 * 25);
    }
}
