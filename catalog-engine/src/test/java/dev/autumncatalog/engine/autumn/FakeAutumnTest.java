package dev.autumncatalog.engine.autumn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.engine.autumn.Recordings.Exchange;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * The simulation behind {@link FakeAutumnApiSuiteTest} answers like the real Autumn: every request of
 * 20-rpc-catalog.jsonl, sent in order, gets the recorded status and code, and the recorded body modulo generated values
 * (ids, display texts, timestamps) and the order of items and list entries.
 */
class FakeAutumnTest {
    private static final Set<String> GENERATED = Set.of("display", "entitlement_id", "price_id", "created_at");

    @Test
    void rpcCatalogRecording_answeredAsRecorded() throws Exception {
        FakeAutumn fake = new FakeAutumn(Responses.KEY);
        SoftAssertions soft = new SoftAssertions();
        int compared = 0;
        try (MockWebServer server = Loopback.start(fake)) {
            OkHttpClient http = new OkHttpClient();
            for (Exchange exchange : Recordings.load(Recordings.RPC)) {
                Request.Builder request = new Request.Builder()
                        .url(server.url(exchange.path()))
                        .header("Authorization", "Bearer " + Responses.KEY)
                        .header("X-API-Version", "2.3.0");
                if (exchange.method().equals("POST")) {
                    String body = exchange.requestBody().isMissingNode()
                            ? ""
                            : exchange.requestBody().toString();
                    request.post(RequestBody.create(body, MediaType.get("application/json")));
                }
                try (Response response = http.newCall(request.build()).execute()) {
                    String text = response.body().string();
                    soft.assertThat(response.code()).as(exchange.label()).isEqualTo(exchange.status());
                    JsonNode actual = Json.parse(text);
                    if (exchange.ok()) {
                        soft.assertThat(comparable(actual))
                                .as(exchange.label())
                                .isEqualTo(comparable(exchange.responseBody()));
                    } else {
                        soft.assertThat(actual.path("code").asText())
                                .as(exchange.label())
                                .isEqualTo(exchange.responseBody().path("code").asText());
                    }
                    compared++;
                }
            }
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        soft.assertAll();
        assertThat(compared).isEqualTo(70);
    }

    /** Without generated values; items and list entries sorted; numbers by value. */
    private static JsonNode comparable(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(field -> {
                if (!GENERATED.contains(field.getKey())) {
                    JsonNode value = comparable(field.getValue());
                    if (field.getKey().equals("items") || field.getKey().equals("list")) {
                        value = sorted((ArrayNode) value);
                    }
                    out.set(field.getKey(), value);
                }
            });
            return Json.canonical(out);
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(comparable(child)));
            return out;
        }
        return Json.canonical(node);
    }

    private static ArrayNode sorted(ArrayNode array) {
        List<JsonNode> entries = Json.elements(array);
        entries.sort(Comparator.comparing(JsonNode::toString));
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        entries.forEach(out::add);
        return out;
    }
}
