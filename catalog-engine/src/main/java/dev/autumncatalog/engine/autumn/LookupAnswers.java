package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * The answers to the planner's live questions: {@code deletion_info} of a feature or a plan, and {@code
 * plans.has_customers}. Small answers, but each must say what was asked: a missing flag or a count that is not a whole
 * number is an error (the caller names the route), never a guess.
 */
final class LookupAnswers {
    private LookupAnswers() {}

    /** {@code GET /features/{id}/deletion_info}: which plan uses it, and how many. */
    static FeatureUsage featureUsage(JsonNode json) {
        JsonNode name = json.get("productName");
        String productName = name == null || name.isNull() ? null : name.asText();
        return new FeatureUsage(productName, count(json.get("totalCount"), "totalCount"));
    }

    /** {@code GET /products/{id}/deletion_info}: whether any version of the plan has customers. */
    static boolean planHasCustomers(JsonNode json) {
        // totalCount (customer products over all versions) comes from a SQL COUNT and can be a string: "2".
        return required(json, "hasCusProducts") || count(json.get("totalCount"), "totalCount") > 0;
    }

    /** {@code plans.has_customers}: the version an update would make. */
    static PlanCustomers planCustomers(JsonNode json) {
        return new PlanCustomers(
                version(json.get("current_version")), required(json, "will_version"), flag(json.get("archived")));
    }

    /** A count: absent or {@code null} is 0; a whole number, or text holding one ({@code "2"}). */
    private static long count(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return 0;
        }
        try {
            if (node.isNumber()) {
                return node.decimalValue().longValueExact();
            }
            if (node.isTextual()) {
                // deletion_info's totalCount comes from a SQL COUNT and can be a string: "2".
                return new BigDecimal(node.textValue().trim()).longValueExact();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            // not a whole number that fits: reported below
        }
        throw new IllegalArgumentException("expected " + field + ": a whole number, was " + node);
    }

    /** A plan version the answer must carry: a whole number ≥ 1 (as a number or, like the counts, as text). */
    private static int version(JsonNode node) {
        if (node != null && !node.isNull()) {
            try {
                long version = count(node, "current_version");
                if (version >= 1 && version <= Integer.MAX_VALUE) {
                    return (int) version;
                }
            } catch (IllegalArgumentException e) {
                // not a whole number: reported below
            }
        }
        throw new IllegalArgumentException(
                "expected current_version: a version number of 1 or more, was " + (node == null ? "nothing" : node));
    }

    /** A flag the answer must carry: without it, the answer is not what was asked for. */
    private static boolean required(JsonNode json, String field) {
        JsonNode node = json == null ? null : json.get(field);
        if (node == null || !node.isBoolean()) {
            throw new IllegalArgumentException(
                    "expected " + field + ": true or false, was " + WireObject.abbreviate(json));
        }
        return node.booleanValue();
    }

    private static boolean flag(JsonNode node) {
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new IllegalArgumentException("expected true or false, was " + node);
        }
        return node.booleanValue();
    }
}
