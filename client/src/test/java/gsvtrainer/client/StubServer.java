package gsvtrainer.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on 127.0.0.1 standing in for gsv-trainer: canned answers per path, requests recorded. */
final class StubServer implements AutoCloseable {

    /** A request as the server saw it. */
    record Recorded(String method, String path, String query, com.sun.net.httpserver.Headers headers, byte[] body) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** Answers one exchange; the request body has already been read into {@code recorded}. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange, Recorded recorded) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    /** Serves {@code path} (a prefix under the server root, e.g. {@code /api/v1/tasks}). */
    StubServer on(String path, Handler handler) {
        server.createContext(path, exchange -> {
            try {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                Recorded recorded = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body);
                requests.add(recorded);
                handler.handle(exchange, recorded);
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    /** Serves {@code path} with a fixed JSON answer. */
    StubServer json(String path, int status, String json) {
        return on(path, (exchange, recorded) -> respond(exchange, status, "application/json", json));
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    GsvTrainerClient client() {
        return GsvTrainerClient.builder(baseUrl()).build();
    }

    List<Recorded> requests() {
        return requests;
    }

    List<Recorded> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
