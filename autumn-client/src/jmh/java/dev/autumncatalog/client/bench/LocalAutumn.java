package dev.autumncatalog.client.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny JDK HTTP server on 127.0.0.1 answering balances.check and balances.track with the real server's recorded
 * answers (50-balances.jsonl: basics/check_initial, basics/track_30), whatever the request. It reads each request
 * body whole, as a server would. The benchmarks fork with {@code -Dsun.net.httpserver.nodelay=true}: without
 * TCP_NODELAY every exchange with this server waits ~40 ms for a delayed ACK, which would hide everything measured.
 */
final class LocalAutumn implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;
    final byte[] checkAnswer;
    final byte[] trackAnswer;
    final byte[] checkRequest;
    final byte[] trackRequest;

    LocalAutumn() throws IOException {
        checkAnswer = recorded("basics/check_initial", "response_body");
        trackAnswer = recorded("basics/track_30", "response_body");
        checkRequest = recorded("basics/check_initial", "request_body");
        trackRequest = recorded("basics/track_30", "request_body");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 64);
        pool = Executors.newFixedThreadPool(16);
        server.setExecutor(pool);
        server.createContext("/v1/balances.check", exchange -> answer(exchange, checkAnswer));
        server.createContext("/v1/balances.track", exchange -> answer(exchange, trackAnswer));
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    private static void answer(HttpExchange exchange, byte[] body) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] recorded(String name, String field) {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = LocalAutumn.class.getResourceAsStream("/50-balances.jsonl")) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode exchange = json.readTree(line);
                if (exchange.path("case").asText().equals(name)) {
                    return json.writeValueAsBytes(exchange.get(field));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no recorded case " + name);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
