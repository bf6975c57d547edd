package dev.autumncatalog.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads Autumn's 2.3.0 answers into result records. Fields the API promises are required: a missing one is a {@link
 * Malformed} answer, never a silent default. Amounts are read exactly ({@link BigDecimal}), times are epoch
 * milliseconds.
 */
final class Answers {
    private Answers() {}

    /** An answer that lacks a promised field or has one of the wrong type; the message names its path. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    static CheckResult check(JsonNode json) {
        object(json, "answer");
        return new CheckResult(
                bool(json, "allowed", "answer"),
                text(json, "customer_id", "answer"),
                optText(json, "entity_id", "answer"),
                optDecimal(json, "required_balance", "answer"),
                optBalance(json, "balance", "answer"),
                map(json, "balances", "answer", Answers::balance),
                optFlag(json.get("flag"), "answer.flag"),
                null);
    }

    static TrackResult track(JsonNode json, TrackOutcome outcome, String idempotencyKey) {
        object(json, "answer");
        List<TrackResult.Deduction> deductions = new ArrayList<>();
        JsonNode list = json.get("deductions");
        if (list != null && !list.isNull()) {
            array(list, "answer.deductions");
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                String path = "answer.deductions[" + i + "]";
                object(item, path);
                deductions.add(new TrackResult.Deduction(
                        optText(item, "balance_id", path),
                        text(item, "feature_id", path),
                        optText(item, "plan_id", path),
                        decimal(item, "value", path)));
            }
        }
        return new TrackResult(
                outcome,
                idempotencyKey,
                text(json, "customer_id", "answer"),
                optText(json, "entity_id", "answer"),
                optText(json, "event_name", "answer"),
                decimal(json, "value", "answer"),
                optBalance(json, "balance", "answer"),
                map(json, "balances", "answer", Answers::balance),
                deductions,
                null);
    }

    static Customer customer(JsonNode json) {
        object(json, "answer");
        return new Customer(
                text(json, "id", "answer"),
                optText(json, "name", "answer"),
                optText(json, "email", "answer"),
                instant(json, "created_at", "answer"),
                Environment.fromWire(optText(json, "env", "answer")),
                metadata(json.get("metadata"), "answer.metadata"),
                subscriptions(json, "answer"),
                map(json, "balances", "answer", Answers::balance),
                map(json, "flags", "answer", Answers::flag));
    }

    static Entity entity(JsonNode json) {
        object(json, "answer");
        return new Entity(
                text(json, "id", "answer"),
                optText(json, "name", "answer"),
                text(json, "customer_id", "answer"),
                optText(json, "feature_id", "answer"),
                optInstant(json, "created_at", "answer"),
                Environment.fromWire(optText(json, "env", "answer")),
                subscriptions(json, "answer"),
                map(json, "balances", "answer", Answers::balance),
                map(json, "flags", "answer", Answers::flag));
    }

    static AttachResult attach(JsonNode json) {
        object(json, "answer");
        AttachResult.RequiredAction action = null;
        JsonNode required = json.get("required_action");
        if (required != null && !required.isNull()) {
            object(required, "answer.required_action");
            action = new AttachResult.RequiredAction(
                    text(required, "code", "answer.required_action"),
                    optText(required, "reason", "answer.required_action"));
        }
        AttachResult.Invoice invoice = null;
        JsonNode inv = json.get("invoice");
        if (inv != null && !inv.isNull()) {
            String path = "answer.invoice";
            object(inv, path);
            invoice = new AttachResult.Invoice(
                    optText(inv, "status", path),
                    optText(inv, "stripe_id", path),
                    optDecimal(inv, "total", path),
                    optText(inv, "currency", path),
                    optUri(inv, "hosted_invoice_url", path));
        }
        return new AttachResult(
                text(json, "customer_id", "answer"),
                optText(json, "entity_id", "answer"),
                optUri(json, "payment_url", "answer"),
                action,
                invoice);
    }

    /** A feature of {@code features.list}: its type, and for credit systems the metered features that spend it. */
    record KnownFeature(String id, String type, List<String> creditMembers) {}

    static Map<String, KnownFeature> features(JsonNode json) {
        object(json, "answer");
        JsonNode list = json.get("list");
        if (list == null) {
            throw new Malformed("answer.list is missing");
        }
        array(list, "answer.list");
        Map<String, KnownFeature> features = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String path = "answer.list[" + i + "]";
            object(item, path);
            List<String> members = new ArrayList<>();
            JsonNode schema = item.get("credit_schema");
            if (schema != null && schema.isArray()) {
                for (JsonNode member : schema) {
                    if (member.path("metered_feature_id").isTextual()) {
                        members.add(member.get("metered_feature_id").textValue());
                    }
                }
            }
            String id = text(item, "id", path);
            features.put(id, new KnownFeature(id, text(item, "type", path), List.copyOf(members)));
        }
        return features;
    }

    // ------------------------------------------------------------------ shapes

    static Balance balance(JsonNode json, String path) {
        object(json, path);
        List<Balance.Breakdown> breakdown = new ArrayList<>();
        JsonNode list = json.get("breakdown");
        if (list != null && !list.isNull()) {
            array(list, path + ".breakdown");
            for (int i = 0; i < list.size(); i++) {
                breakdown.add(breakdown(list.get(i), path + ".breakdown[" + i + "]"));
            }
        }
        return new Balance(
                text(json, "feature_id", path),
                decimal(json, "granted", path),
                decimal(json, "remaining", path),
                decimal(json, "usage", path),
                bool(json, "unlimited", path),
                bool(json, "overage_allowed", path),
                optDecimal(json, "max_purchase", path),
                optInstant(json, "next_reset_at", path),
                breakdown);
    }

    private static Balance.Breakdown breakdown(JsonNode json, String path) {
        object(json, path);
        Balance.Reset reset = null;
        JsonNode node = json.get("reset");
        if (node != null && !node.isNull()) {
            String resetPath = path + ".reset";
            object(node, resetPath);
            BigDecimal count = optDecimal(node, "interval_count", resetPath);
            reset = new Balance.Reset(
                    text(node, "interval", resetPath),
                    count == null ? 1 : count.intValue(),
                    optInstant(node, "resets_at", resetPath));
        }
        return new Balance.Breakdown(
                optText(json, "id", path),
                optText(json, "plan_id", path),
                decimal(json, "included_grant", path),
                decimal(json, "prepaid_grant", path),
                decimal(json, "remaining", path),
                decimal(json, "usage", path),
                bool(json, "unlimited", path),
                reset,
                optInstant(json, "expires_at", path));
    }

    static Flag flag(JsonNode json, String path) {
        object(json, path);
        return new Flag(
                optText(json, "id", path),
                optText(json, "plan_id", path),
                text(json, "feature_id", path),
                optInstant(json, "expires_at", path));
    }

    private static Flag optFlag(JsonNode json, String path) {
        return json == null || json.isNull() ? null : flag(json, path);
    }

    private static Balance optBalance(JsonNode json, String field, String path) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : balance(node, path + "." + field);
    }

    private static List<Subscription> subscriptions(JsonNode json, String path) {
        List<Subscription> subscriptions = new ArrayList<>();
        JsonNode list = json.get("subscriptions");
        if (list == null || list.isNull()) {
            return subscriptions;
        }
        array(list, path + ".subscriptions");
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String at = path + ".subscriptions[" + i + "]";
            object(item, at);
            BigDecimal quantity = optDecimal(item, "quantity", at);
            subscriptions.add(new Subscription(
                    optText(item, "id", at),
                    text(item, "plan_id", at),
                    optText(item, "status", at),
                    optBool(item, "add_on", at),
                    optBool(item, "auto_enable", at),
                    optBool(item, "past_due", at),
                    optInstant(item, "started_at", at),
                    optInstant(item, "canceled_at", at),
                    optInstant(item, "expires_at", at),
                    optInstant(item, "trial_ends_at", at),
                    optInstant(item, "current_period_start", at),
                    optInstant(item, "current_period_end", at),
                    quantity == null ? 1 : quantity.longValue()));
        }
        return subscriptions;
    }

    /** An object of objects by key; {@code null} values (a feature without a balance) are left out. */
    private static <T> Map<String, T> map(
            JsonNode json, String field, String path, BiFunction<JsonNode, String, T> read) {
        JsonNode node = json.get(field);
        Map<String, T> map = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return map;
        }
        object(node, path + "." + field);
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isNull()) {
                map.put(entry.getKey(), read.apply(entry.getValue(), path + "." + field + "." + entry.getKey()));
            }
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metadata(JsonNode json, String path) {
        if (json == null || json.isNull()) {
            return Map.of();
        }
        object(json, path);
        return Json.MAPPER.convertValue(json, Map.class);
    }

    // ------------------------------------------------------------------ fields

    private static void object(JsonNode json, String path) {
        if (json == null || !json.isObject()) {
            throw new Malformed(path + " is " + kind(json) + ", not an object");
        }
    }

    private static void array(JsonNode json, String path) {
        if (!json.isArray()) {
            throw new Malformed(path + " is " + kind(json) + ", not a list");
        }
    }

    private static JsonNode required(JsonNode json, String field, String path) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            throw new Malformed(path + "." + field + " is missing");
        }
        return node;
    }

    private static String text(JsonNode json, String field, String path) {
        JsonNode node = required(json, field, path);
        if (!node.isTextual()) {
            throw new Malformed(path + "." + field + " is " + kind(node) + ", not a string");
        }
        return node.textValue();
    }

    private static String optText(JsonNode json, String field, String path) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : text(json, field, path);
    }

    private static boolean bool(JsonNode json, String field, String path) {
        JsonNode node = required(json, field, path);
        if (!node.isBoolean()) {
            throw new Malformed(path + "." + field + " is " + kind(node) + ", not true or false");
        }
        return node.booleanValue();
    }

    private static boolean optBool(JsonNode json, String field, String path) {
        JsonNode node = json.get(field);
        return node != null && !node.isNull() && bool(json, field, path);
    }

    private static BigDecimal decimal(JsonNode json, String field, String path) {
        JsonNode node = required(json, field, path);
        if (!node.isNumber()) {
            throw new Malformed(path + "." + field + " is " + kind(node) + ", not a number");
        }
        return node.decimalValue();
    }

    private static BigDecimal optDecimal(JsonNode json, String field, String path) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : decimal(json, field, path);
    }

    private static Instant instant(JsonNode json, String field, String path) {
        return Instant.ofEpochMilli(decimal(json, field, path).longValue());
    }

    private static Instant optInstant(JsonNode json, String field, String path) {
        BigDecimal millis = optDecimal(json, field, path);
        return millis == null ? null : Instant.ofEpochMilli(millis.longValue());
    }

    private static URI optUri(JsonNode json, String field, String path) {
        String text = optText(json, field, path);
        if (text == null) {
            return null;
        }
        try {
            return URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new Malformed(path + "." + field + " is not a URL");
        }
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
