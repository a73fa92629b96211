package gsvtrainer.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadTest {

    private final StubServer server = new StubServer();
    private final byte[] weights = new byte[1024 * 1024 + 3];

    @TempDir
    Path dir;

    DownloadTest() throws IOException {
        new Random(7).nextBytes(weights);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void downloadsByNameToTheTargetReportingProgress() throws IOException {
        server.on("/api/v1/task/t_1/files/download/spk_e8.pth", (exchange, recorded) -> {
            exchange.sendResponseHeaders(200, weights.length);
            exchange.getResponseBody().write(weights);
        });
        AtomicLong lastDone = new AtomicLong();
        AtomicLong lastTotal = new AtomicLong();

        Path written = server.client().download("t_1", "spk_e8.pth", dir.resolve("out/model.pth"), (done, total) -> {
            lastDone.set(done);
            lastTotal.set(total);
        });

        assertThat(written).isEqualTo(dir.resolve("out/model.pth").toAbsolutePath());
        assertThat(Files.readAllBytes(written)).isEqualTo(weights);
        assertThat(lastDone.get()).isEqualTo(weights.length);
        assertThat(lastTotal.get()).isEqualTo(weights.length);
        assertThat(filesIn(dir.resolve("out"))).containsExactly("model.pth");
    }

    @Test
    void intoADirectoryTheArtifactKeepsTheServersName() throws IOException {
        server.on("/api/v1/task/t_1/artifacts/a_1/download", (exchange, recorded) -> {
            exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"../spk-e15.ckpt\"");
            exchange.sendResponseHeaders(200, weights.length);
            exchange.getResponseBody().write(weights);
        });

        Path written = server.client().downloadArtifact("t_1", "a_1", dir);

        assertThat(written.getFileName().toString()).isEqualTo("spk-e15.ckpt");
        assertThat(written.getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(Files.readAllBytes(written)).isEqualTo(weights);
    }

    @Test
    void aBodyStreamingLongerThanTheRequestTimeoutStillCompletes() throws IOException {
        server.on("/api/v1/task/t_1/files/download/slow.wav", (exchange, recorded) -> {
            exchange.sendResponseHeaders(200, 4);
            OutputStream out = exchange.getResponseBody();
            out.write(new byte[] {1, 2});
            out.flush();
            pause(Duration.ofMillis(1500));
            out.write(new byte[] {3, 4});
        });
        GsvTrainerClient client = GsvTrainerClient.builder(server.baseUrl()).requestTimeout(Duration.ofMillis(500)).build();

        Path written = client.download("t_1", "slow.wav", dir.resolve("slow.wav"));

        assertThat(Files.readAllBytes(written)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aBrokenDownloadLeavesNoFileBehind() throws IOException {
        server.on("/api/v1/task/t_1/files/download/big.pth", (exchange, recorded) -> {
            exchange.sendResponseHeaders(200, weights.length);
            exchange.getResponseBody().write(weights, 0, 1000);
            exchange.getResponseBody().flush();
            throw new IOException("server went away");
        });

        assertThatThrownBy(() -> server.client().download("t_1", "big.pth", dir.resolve("big.pth")))
                .isInstanceOf(GsvTrainerException.class);

        assertThat(filesIn(dir)).isEmpty();
    }

    @Test
    void aMissingFileIsAnErrorAndNothingIsWritten() throws IOException {
        server.json("/api/v1/task/t_1/files/download/nope.pth", 404,
                "{\"detail\": \"file nope.pth not found\", \"code\": \"file_not_found\"}");

        assertThatThrownBy(() -> server.client().download("t_1", "nope.pth", dir.resolve("nope.pth")))
                .isInstanceOfSatisfying(GsvTrainerException.class, e -> assertThat(e.code()).isEqualTo("file_not_found"));
        assertThat(filesIn(dir)).isEmpty();
    }

    private static java.util.List<String> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
