package dev.autumncatalog.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;

/**
 * The real server's answers from {@code 50-balances.jsonl} (copied from shared/autumn-api/exchanges-2x), one line per
 * exchange, looked up by {@code case} ({@code scenario/step}).
 */
final class Recordings {
    static final List<JsonNode> BALANCES = load("/50-balances.jsonl");

    private Recordings() {}

    private static List<JsonNode> load(String resource) {
        try (InputStream in = Recordings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test resources");
            }
            List<JsonNode> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    lines.add(Json.MAPPER.readTree(line));
                }
            }
            return List.copyOf(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exchange recorded as {@code name}. */
    static JsonNode byCase(String name) {
        return BALANCES.stream()
                .filter(line -> line.path("case").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no recorded case " + name));
    }

    /** Every exchange of {@code path} ({@code /v1/balances.check}), in file order. */
    static List<JsonNode> byPath(String path) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode line : BALANCES) {
            if (line.path("path").asText().equals(path)) {
                found.add(line);
            }
        }
        return found;
    }

    /** The recorded answer as a MockWebServer response: status, content type and body as recorded. */
    static MockResponse answer(JsonNode exchange) {
        MockResponse.Builder response =
                new MockResponse.Builder().code(exchange.get("status").asInt());
        String type = exchange.path("response_headers").path("content-type").asText("application/json");
        response.setHeader("Content-Type", type);
        JsonNode body = exchange.get("response_body");
        if (body != null && !body.isNull()) {
            response.body(body.isTextual() ? body.textValue() : body.toString());
        }
        return response.build();
    }

    /**
     * What {@code features.list} answered in the recorded orgs: the seven features every scenario created, as their
     * {@code features.create} answers show them.
     */
    static String featuresList() {
        ObjectNode list = Json.object();
        ArrayNode items = list.putArray("list");
        for (JsonNode line : BALANCES) {
            if (line.path("case").asText().startsWith("basics/setup_feature_")) {
                items.add(line.get("response_body"));
            }
        }
        return list.toString();
    }
}
