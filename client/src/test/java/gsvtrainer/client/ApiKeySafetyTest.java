package gsvtrainer.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The API key goes to the configured server only, and never into a message. */
class ApiKeySafetyTest {

    private final StubServer server = newServer();
    private final StubServer elsewhere = newServer();

    @AfterEach
    void stop() {
        server.close();
        elsewhere.close();
    }

    @Test
    void aRedirectIsNotFollowedSoTheKeyStaysWithTheServer() {
        elsewhere.json("/api/v1/tasks", 200, "[]");
        server.on("/api/v1/tasks", (exchange, recorded) -> {
            exchange.getResponseHeaders().set("Location", elsewhere.baseUrl() + "/api/v1/tasks");
            exchange.sendResponseHeaders(302, -1);
        });
        GsvTrainerClient client = GsvTrainerClient.builder(server.baseUrl()).apiKey("gsv_secret_key").build();

        assertThatThrownBy(client::listTasks).isInstanceOf(GsvTrainerException.class);
        assertThat(elsewhere.requests()).isEmpty();
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer gsv_secret_key");
    }

    @Test
    void aKeyIsStrippedAndOneWithControlCharactersIsRefusedWithoutEchoingIt() {
        server.json("/api/v1/tasks", 200, "[]");
        GsvTrainerClient client = GsvTrainerClient.builder(server.baseUrl()).apiKey("gsv_secret_key\r\n").build();
        client.listTasks();
        assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer gsv_secret_key");

        assertThatThrownBy(() -> GsvTrainerClient.builder(server.baseUrl()).apiKey("gsv_secret\u0007key"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("gsv_secret"));
    }

    private static StubServer newServer() {
        try {
            return new StubServer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
