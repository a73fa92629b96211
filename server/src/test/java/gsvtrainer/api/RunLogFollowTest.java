package gsvtrainer.api;

import static org.assertj.core.api.Assertions.assertThat;

import gsvtrainer.steprun.RunStatus;
import gsvtrainer.upstream.StandinServerTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A followed run log streams for as long as the run runs, past the container's 30 s async default. */
class RunLogFollowTest extends StandinServerTest {

    @Test
    void aFollowedLogStreamsUntilALongRunEnds() throws Exception {
        String task = createStandinTask("follow", Map.of("s2_train", Map.of("epoch_seconds", 12)));
        givenFeatures(task);
        String run = runStep(task, "train_sovits", Map.of("total_epoch", 3, "save_every_epoch", 1));

        long started = System.nanoTime();
        HttpResponse<String> followed = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/task/" + task + "/runs/"
                + run + "/log?follow=true"))).timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(seconds).as("the run takes about 36 s").isGreaterThan(32);
        assertThat(runs.find(run).orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(followed.body()).isNotBlank();
    }

    @Test
    void aLogWithABadByteIsStillReadAndTailed() throws Exception {
        String task = createStandinTask("bad-byte", Map.of());
        givenFeatures(task);
        String run = runStep(task, "train_sovits", Map.of("total_epoch", 1, "save_every_epoch", 1));
        awaitStatus(run, RunStatus.SUCCEEDED, Duration.ofSeconds(60));
        java.nio.file.Path log = workspace(task).resolve("runs").resolve(run).resolve("run.log");
        java.nio.file.Files.write(log, new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n', 'l', 'a', 's', 't', '\n'},
                java.nio.file.StandardOpenOption.APPEND);

        String tail = get("/api/v1/task/" + task + "/runs/" + run + "/log?tail=2").body();
        String all = get("/api/v1/task/" + task + "/logs").body();

        assertThat(tail).isEqualTo("caf\uFFFD\nlast\n");
        assertThat(all).contains("last").doesNotContain("unreadable");
    }
}
