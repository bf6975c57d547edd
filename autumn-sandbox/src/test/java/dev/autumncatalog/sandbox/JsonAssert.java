package dev.autumncatalog.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Compares JSON structurally, with numbers by value and generated ids and timestamps masked. */
final class JsonAssert {
    private JsonAssert() {}

    /** The answer has this status and a body equal to {@code expectedJson}. */
    static void assertAnswer(SandboxHttp.Answer answer, int status, String expectedJson) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertJson(answer.body(), expectedJson);
    }

    /** An Autumn error answer {@code {message, code, env:"sandbox"}}. */
    static void assertError(SandboxHttp.Answer answer, int status, String code, String message) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().path("code").asText()).as(answer.body()).isEqualTo(code);
        assertThat(answer.json().path("message").asText()).isEqualTo(message);
        assertThat(answer.json().path("env").asText()).isEqualTo("sandbox");
        assertThat(answer.json().size()).as("error body keys: " + answer.body()).isEqualTo(3);
    }

    static void assertJson(String actual, String expected) {
        assertThat(canonical(read(actual))).isEqualTo(canonical(read(expected)));
    }

    static String canonical(JsonNode node) {
        JsonNode copy = node.deepCopy();
        mask(copy);
        return RecordingReplay.canonical(copy);
    }

    private static void mask(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String field : List.of("created_at", "entitlement_id", "price_id")) {
                if (object.has(field) && !object.get(field).isNull()) {
                    object.put(field, "<masked>");
                }
            }
            object.forEach(JsonAssert::mask);
        } else if (node.isArray()) {
            node.forEach(JsonAssert::mask);
        }
    }

    static JsonNode read(String json) {
        try {
            return SandboxHttp.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
