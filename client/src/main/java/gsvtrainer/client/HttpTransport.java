package gsvtrainer.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;

/**
 * The HTTP plumbing shared by the client's calls: URLs under the API base, the bearer key, timeouts,
 * JSON in and out, and mapping of non-2xx answers and transport failures to {@link GsvTrainerException}.
 */
final class HttpTransport {

    private static final String USER_AGENT = "gsv-trainer-client/0.1";

    private final HttpClient http;
    private final String apiBase;
    private final String apiKey;
    private final Duration requestTimeout;

    HttpTransport(HttpClient http, String apiBase, String apiKey, Duration requestTimeout) {
        this.http = http;
        this.apiBase = apiBase;
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
    }

    String apiBase() {
        return apiBase;
    }

    /** A request for {@code path} (starting with '/') under the API base, without a timeout. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(apiBase + path))
                .header("User-Agent", USER_AGENT);
        if (apiKey != null && !apiKey.isBlank()) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder;
    }

    /** A request bounded by the request timeout (which covers the wait for the response headers). */
    HttpRequest.Builder timedRequest(String path) {
        return request(path).timeout(requestTimeout);
    }

    <T> T json(String method, String path, Object body, JavaType answerType) {
        BodyPublisher publisher = body == null
                ? BodyPublishers.noBody()
                : BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body));
        HttpRequest.Builder request = timedRequest(path).header("Accept", "application/json")
                .method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return readJson(send(request.build()), answerType);
    }

    <T> T readJson(byte[] body, JavaType type) {
        try {
            return Json.mapper().readValue(body, type);
        } catch (JacksonException e) {
            throw new GsvTrainerException("unexpected answer from the server: " + e.getOriginalMessage(), e);
        }
    }

    /** Sends a request and returns the whole body of a 2xx answer. */
    byte[] send(HttpRequest request) {
        HttpResponse<byte[]> response = exchange(request, BodyHandlers.ofByteArray());
        if (!isSuccess(response.statusCode())) {
            throw Problems.toException(response.statusCode(), response.body());
        }
        return response.body();
    }

    /** Sends a request and returns the open body of a 2xx answer; the caller closes it. */
    HttpResponse<InputStream> open(HttpRequest request) {
        HttpResponse<InputStream> response = exchange(request, BodyHandlers.ofInputStream());
        if (!isSuccess(response.statusCode())) {
            byte[] error;
            try (InputStream body = response.body()) {
                error = body.readNBytes(64 * 1024);
            } catch (IOException e) {
                error = new byte[0];
            }
            throw Problems.toException(response.statusCode(), error);
        }
        return response;
    }

    private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GsvTrainerException("interrupted while calling " + describe(request), e);
        } catch (IOException e) {
            throw new GsvTrainerException("cannot reach the gsv-trainer server (" + describe(request) + "): " + reason(e), e);
        }
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    private static String describe(HttpRequest request) {
        return request.method() + " " + request.uri();
    }

    static String reason(Throwable e) {
        if (e instanceof java.net.ConnectException && e.getMessage() == null) {
            return "connection refused";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
