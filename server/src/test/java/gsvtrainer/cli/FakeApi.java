package gsvtrainer.cli;

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

/** A real HTTP server on 127.0.0.1 playing the gsv-trainer API with canned answers, for CLI tests. */
final class FakeApi implements AutoCloseable {

    /** Answers one exchange; the request body has been read. */
    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange, byte[] body) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> calls = new CopyOnWriteArrayList<>();

    FakeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    FakeApi on(String path, Handler handler) {
        server.createContext("/api/v1" + path, exchange -> {
            try {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                handler.handle(exchange, body);
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    FakeApi json(String path, int status, String json) {
        return on(path, (exchange, body) -> send(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8)));
    }

    static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> calls() {
        return calls;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
