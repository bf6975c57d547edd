package dev.autumncatalog.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.RecordedRequest;

/** JSON compared as trees (key order ignored, 30 equal to 30.0), with both sides printed canonically on failure. */
final class JsonAssert {
    private JsonAssert() {}

    static JsonNode body(RecordedRequest request) {
        try {
            return Json.MAPPER.readTree(request.getBody().utf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertBody(RecordedRequest request, JsonNode expected) {
        assertSameJson(body(request), expected);
    }

    static void assertBody(RecordedRequest request, String expected) {
        try {
            assertSameJson(body(request), Json.MAPPER.readTree(expected));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertSameJson(JsonNode actual, JsonNode expected) {
        assertThat(canonical(actual)).isEqualTo(canonical(expected));
    }

    /** Sorted keys, numbers as plain decimals without trailing zeros. */
    static String canonical(JsonNode node) {
        try {
            Object value = Json.MAPPER.treeToValue(normalize(node), Object.class);
            return Json.MAPPER
                    .writerWithDefaultPrettyPrinter()
                    .with(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode normalize(JsonNode node) {
        if (node.isNumber()) {
            return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(
                    node.decimalValue().stripTrailingZeros());
        }
        if (node.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode copy = Json.object();
            node.properties().forEach(e -> copy.set(e.getKey(), normalize(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode copy = Json.MAPPER.createArrayNode();
            node.forEach(item -> copy.add(normalize(item)));
            return copy;
        }
        return node;
    }
}
