package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** JSON for tests: parse, and a canonical form to compare structurally (numbers by value, keys sorted). */
final class Json {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Json() {}

    static JsonNode parse(String text) {
        try {
            return WireMapper.json().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Numbers as stripped BigDecimals ({@code 20}, {@code 20.0} and {@code 2E+1} equal), object keys sorted. */
    static JsonNode canonical(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            return NODES.numberNode(value.scale() < 0 ? value.setScale(0) : value);
        }
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.forEach(child -> array.add(canonical(child)));
            return array;
        }
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                sorted.put(field.getKey(), canonical(field.getValue()));
            }
            ObjectNode object = NODES.objectNode();
            sorted.forEach(object::set);
            return object;
        }
        return node;
    }

    /** The elements of an array. */
    static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> result = new ArrayList<>();
        if (array != null) {
            array.forEach(result::add);
        }
        return result;
    }
}
