package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A raw HTTP client for sandbox tests (java.net.http), so tests see exactly what goes over the wire. */
final class SandboxHttp {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String root;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** A client for {@code sandbox} sending its key, JSON content type and {@code X-API-Version: 2.3.0}. */
    SandboxHttp(AutumnSandbox sandbox) {
        this.root = "http://127.0.0.1:" + sandbox.port();
        headers.put("Authorization", "Bearer " + sandbox.secretKey());
        headers.put("Content-Type", "application/json");
        headers.put("X-API-Version", "2.3.0");
    }

    /** A client for a sandbox in another process, on 127.0.0.1:{@code port} with {@code secretKey}. */
    static SandboxHttp at(int port, String secretKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + secretKey);
        headers.put("Content-Type", "application/json");
        headers.put("X-API-Version", "2.3.0");
        return new SandboxHttp("http://127.0.0.1:" + port, headers);
    }

    /** The same client with one header changed ({@code null} removes it). */
    SandboxHttp header(String name, String value) {
        SandboxHttp copy = new SandboxHttp(root, headers);
        if (value == null) {
            copy.headers.remove(name);
        } else {
            copy.headers.put(name, value);
        }
        return copy;
    }

    private SandboxHttp(String root, Map<String, String> headers) {
        this.root = root;
        this.headers.putAll(headers);
    }

    /** An answer: status, raw body, headers. */
    record Answer(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String code() {
            return json().path("code").asText(null);
        }

        String message() {
            return json().path("message").asText(null);
        }
    }

    Answer post(String path, String json) {
        return send("POST", path, json);
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    /** Sends {@code body} as is ({@code null} for none) to {@code path} (with {@code /v1}, optionally a query). */
    Answer send(String method, String path, String body) {
        try {
            return sendOrThrow(method, path, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer sendOrThrow(String method, String path, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                .timeout(Duration.ofSeconds(20))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
