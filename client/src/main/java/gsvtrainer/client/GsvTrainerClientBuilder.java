package gsvtrainer.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/** Configures a {@link GsvTrainerClient}: server URL, optional API key, timeouts and polling intervals. */
public final class GsvTrainerClientBuilder {

    private static final String API_PATH = "/api/v1";

    private final String baseUrl;
    private String apiKey;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private Duration pollInterval = Duration.ofSeconds(2);
    private Duration reconnectDelay = Duration.ofSeconds(1);

    GsvTrainerClientBuilder(String baseUrl) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
    }

    /** The API key sent as {@code Authorization: Bearer}; null or blank sends none. */
    public GsvTrainerClientBuilder apiKey(String apiKey) {
        String key = apiKey == null ? null : apiKey.strip();
        if (key != null && key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            // the key itself is never repeated in a message: it would end up in logs
            throw new IllegalArgumentException("the API key holds a space or control character; check the file or "
                    + "variable it comes from");
        }
        this.apiKey = key;
        return this;
    }

    public GsvTrainerClientBuilder connectTimeout(Duration connectTimeout) {
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        return this;
    }

    /** How long a call waits for the server's answer to begin (not for a long body to stream). */
    public GsvTrainerClientBuilder requestTimeout(Duration requestTimeout) {
        this.requestTimeout = positive(requestTimeout, "requestTimeout");
        return this;
    }

    /** How often {@code waitFor} polls. */
    public GsvTrainerClientBuilder pollInterval(Duration pollInterval) {
        this.pollInterval = positive(pollInterval, "pollInterval");
        return this;
    }

    /** The pause before reconnecting a dropped event stream (unless the server sent {@code retry:}). */
    public GsvTrainerClientBuilder reconnectDelay(Duration reconnectDelay) {
        this.reconnectDelay = positive(reconnectDelay, "reconnectDelay");
        return this;
    }

    public GsvTrainerClient build() {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                // never: a redirect would re-send the API key to wherever it points, and replay a POST as a GET
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new GsvTrainerClient(new HttpTransport(http, apiBase(baseUrl), apiKey, requestTimeout), pollInterval, reconnectDelay);
    }

    /** {@code http://host:8000} and {@code http://host:8000/api/v1/} both give {@code http://host:8000/api/v1}. */
    static String apiBase(String baseUrl) {
        String trimmed = baseUrl.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri = URI.create(trimmed);
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        return trimmed.endsWith(API_PATH) ? trimmed : trimmed + API_PATH;
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
