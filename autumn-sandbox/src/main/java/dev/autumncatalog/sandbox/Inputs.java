package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request body the way Autumn's zod schemas do and collects every problem, so one answer reports them all:
 * {@code "path: reason"} for one, {@code "[Validation Errors] a; b"} for several (400 {@code invalid_inputs}).
 */
final class Inputs {
    private final List<String> issues = new ArrayList<>();

    int mark() {
        return issues.size();
    }

    boolean cleanSince(int mark) {
        return issues.size() == mark;
    }

    void issue(String path, String message) {
        issues.add(path.isEmpty() ? message : path + ": " + message);
    }

    void throwIfAny() {
        if (issues.isEmpty()) {
            return;
        }
        if (issues.size() == 1) {
            throw ApiError.invalidInputs(issues.get(0));
        }
        throw ApiError.invalidInputs("[Validation Errors] " + String.join("; ", issues));
    }

    static String path(String prefix, String field) {
        return prefix.isEmpty() ? field : prefix + "." + field;
    }

    static String received(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "undefined";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "string";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        if (node.isArray()) {
            return "array";
        }
        return "object";
    }

    static boolean present(ObjectNode body, String field) {
        return body.has(field);
    }

    static boolean absentOrNull(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull();
    }

    private void typeIssue(String prefix, String field, String type, JsonNode node) {
        issue(path(prefix, field), "must be " + type + " (received " + received(node) + ")");
    }

    String requiredString(ObjectNode body, String prefix, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual()) {
            typeIssue(prefix, field, "a string", node);
            return null;
        }
        return node.textValue();
    }

    /** A string that may be absent; {@code null} when absent (and, if allowed, when {@code null}). */
    String optionalString(ObjectNode body, String prefix, String field, boolean nullable) {
        JsonNode node = body.get(field);
        if (node == null || (nullable && node.isNull())) {
            return null;
        }
        if (!node.isTextual()) {
            typeIssue(prefix, field, "a string", node);
            return null;
        }
        return node.textValue();
    }

    Boolean optionalBoolean(ObjectNode body, String prefix, String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            typeIssue(prefix, field, "a boolean", node);
            return null;
        }
        return node.booleanValue();
    }

    BigDecimal requiredNumber(ObjectNode body, String prefix, String field) {
        JsonNode node = body.get(field);
        if (node == null || !node.isNumber()) {
            typeIssue(prefix, field, "a number", node);
            return null;
        }
        return node.decimalValue();
    }

    BigDecimal optionalNumber(ObjectNode body, String prefix, String field, boolean nullable) {
        JsonNode node = body.get(field);
        if (node == null || (nullable && node.isNull())) {
            return null;
        }
        if (!node.isNumber()) {
            typeIssue(prefix, field, "a number", node);
            return null;
        }
        return node.decimalValue();
    }

    String requiredEnum(ObjectNode body, String prefix, String field, List<String> allowed) {
        JsonNode node = body.get(field);
        if (node == null || !node.isTextual() || !allowed.contains(node.textValue())) {
            issue(path(prefix, field), "must be one of: " + String.join(", ", allowed));
            return null;
        }
        return node.textValue();
    }

    String optionalEnum(ObjectNode body, String prefix, String field, List<String> allowed) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        return requiredEnum(body, prefix, field, allowed);
    }

    /** An object that may be absent or (if allowed) {@code null}; both give {@code null}. */
    ObjectNode optionalObject(ObjectNode body, String prefix, String field, boolean nullable) {
        JsonNode node = body.get(field);
        if (node == null || (nullable && node.isNull())) {
            return null;
        }
        if (!node.isObject()) {
            typeIssue(prefix, field, "an object", node);
            return null;
        }
        return (ObjectNode) node;
    }

    ArrayNode optionalArray(ObjectNode body, String prefix, String field) {
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            typeIssue(prefix, field, "an array", node);
            return null;
        }
        return (ArrayNode) node;
    }
}
