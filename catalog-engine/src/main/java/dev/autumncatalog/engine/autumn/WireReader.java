package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.engine.autumn.WireObject.abbreviate;
import static dev.autumncatalog.engine.autumn.WireObject.present;
import static dev.autumncatalog.engine.autumn.WireObject.requireObject;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autumncatalog.dsl.BooleanFeature;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.CreditSystem;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FreeTrial;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.MeteredFeature;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Autumn's 2.x answers (and request bodies: {@code id} or {@code plan_id}/{@code feature_id}) in the catalog model.
 * Every absent field gets the default the server would store, so that a request and the answer to it read back to the
 * same canonical model. Server-owned fields ({@code display}, {@code created_at}, {@code version}, {@code env}, ids of
 * prices and entitlements, …) are ignored. Whatever the DSL cannot express becomes an {@code unsupported} line; an
 * entity that cannot be expressed at all (a fractional {@code included}, a rollover expiring after 0 months) reads
 * back with a {@code null} model and the reason. A value the model holds but a rule of the DSL refuses to protect the
 * user (a negative price, an id outside Autumn's id rule, an empty name) is kept as it is: the entity reads, plans and
 * pulls (marked in the pulled file), and only {@code validate} of a catalog holding it reports it. Reading never throws
 * for content, only for an entity without id.
 *
 * <p>Each field is mapped in one place: it is read through a {@link WireObject}, which also finds what was not read
 * (unknown fields). See docs/DESIGN.md "Wire format" and "Canonical forms".
 *
 * <pre>{@code
 * RemotePlan remote = WireReader.plan(answer, WireReader.featureLookup(catalog.features()));
 * }</pre>
 */
final class WireReader {
    /** Server-owned, or request-only flags seen when a request body is read back. */
    private static final Set<String> FEATURE_IGNORED = Set.of("display", "created_at", "env", "internal_id");

    private static final Set<String> PLAN_IGNORED = Set.of(
            "created_at",
            "env",
            "base_variant_id",
            "customer_eligibility",
            "internal_id",
            "disable_version",
            "force_version",
            "all_versions",
            "include_versions",
            "include_variants");
    private static final Set<String> BASE_PRICE_IGNORED = Set.of("price_id", "display", "entitlement_id");
    private static final List<String> AI_FIELDS = List.of("model_markups", "default_markup", "provider_markups");
    /**
     * Plan fields the DSL cannot say that {@code plans.update} keeps when the body leaves them out (audit R8b, R9c):
     * a push warns and goes on.
     */
    private static final List<String> PLAN_KEPT = List.of("billing_controls", "metadata", "licenses");
    /** Plan fields the DSL cannot say that an update may replace: a push that updates the plan is blocked. */
    private static final List<String> PLAN_REPLACED = List.of("variants");

    private WireReader() {}

    /** A lookup of features by id for {@link #plan(JsonNode, Map)}, from models. Later entries win. */
    static Map<String, Feature> featureLookup(Iterable<? extends Feature> features) {
        Map<String, Feature> lookup = new HashMap<>();
        for (Feature feature : features) {
            lookup.put(feature.id(), feature);
        }
        return lookup;
    }

    /**
     * A lookup from remote features: a feature the DSL cannot express maps to {@code null}, so that a plan item using
     * it reads back as unsupported rather than unknown.
     */
    static Map<String, Feature> remoteLookup(Iterable<RemoteFeature> features) {
        Map<String, Feature> lookup = new HashMap<>();
        for (RemoteFeature feature : features) {
            lookup.put(feature.id(), feature.model());
        }
        return lookup;
    }

    /**
     * Reads a {@code features.list} answer ({@code {list: […]}}) or a bare array. Credit systems resolve their schema
     * against the other features of the list, whatever their order. Keeps the server's order.
     */
    static List<RemoteFeature> features(JsonNode listOrArray) {
        JsonNode array = listOrArray != null && listOrArray.has("list") ? listOrArray.get("list") : listOrArray;
        List<JsonNode> nodes = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(nodes::add);
        } else {
            throw new IllegalArgumentException("expected a list of features, was " + abbreviate(listOrArray));
        }
        RemoteFeature[] result = new RemoteFeature[nodes.size()];
        Map<String, Feature> lookup = new HashMap<>();
        // Pass 1: everything but credit systems; pass 2: credit systems (a schema may only name metered features).
        for (int pass = 1; pass <= 2; pass++) {
            for (int i = 0; i < nodes.size(); i++) {
                boolean creditSystem =
                        "credit_system".equals(nodes.get(i).path("type").asText(""));
                if (creditSystem == (pass == 2)) {
                    result[i] = feature(nodes.get(i), lookup);
                    lookup.put(result[i].id(), result[i].model());
                }
            }
        }
        return List.of(result);
    }

    /**
     * Reads one feature (an answer, or a {@code features.create} body).
     *
     * @param lookup features by id, to resolve a credit schema; a {@code null} value marks a feature the DSL cannot
     *     express
     * @throws IllegalArgumentException when the object has no id
     */
    static RemoteFeature feature(JsonNode node, Map<String, Feature> lookup) {
        List<String> unsupported = new ArrayList<>();
        WireObject feature = WireObject.lenient(node, "", unsupported, FEATURE_IGNORED);
        String id = entityId(feature, node, "feature_id", "feature");
        boolean archived = WireObject.bool(node == null ? null : node.get("archived"), "archived", false);
        feature.skip("archived");
        Feature model;
        try {
            model = readFeature(id, feature, lookup, unsupported);
            if (archived) {
                model = model.archived();
            }
            feature.done();
        } catch (RuntimeException e) {
            unsupported.add(reason(e));
            model = null;
        }
        return new RemoteFeature(id, model, archived, unsupported);
    }

    /**
     * Reads one plan (an answer, or a {@code plans.create} body). The base price becomes the first item, then the items
     * in the server's order.
     *
     * @param lookup features by id; a {@code null} value marks a feature the DSL cannot express
     * @throws IllegalArgumentException when the object has no id
     */
    static RemotePlan plan(JsonNode node, Map<String, Feature> lookup) {
        List<String> unsupported = new ArrayList<>();
        WireObject plan = WireObject.lenient(node, "", unsupported, PLAN_IGNORED);
        String id = entityId(plan, node, "plan_id", "plan");
        boolean archived = WireObject.bool(node.get("archived"), "archived", false);
        plan.skip("archived", "version");
        int version = 1;
        JsonNode v = node.get("version");
        if (v != null && v.canConvertToInt() && v.isIntegralNumber()) {
            version = v.intValue();
        }
        Product model;
        List<String> kept = new ArrayList<>();
        try {
            model = readPlan(id, plan, node, lookup, unsupported, kept);
            if (archived) {
                model = model.archived();
            }
            plan.done();
        } catch (RuntimeException e) {
            unsupported.add(reason(e));
            model = null;
        }
        return new RemotePlan(id, model, archived, version, unsupported, kept);
    }

    /** Every feature id a plan object names (items and entity features), to fetch what a lookup lacks. */
    static Set<String> referencedFeatureIds(JsonNode plan) {
        Set<String> ids = new LinkedHashSet<>();
        JsonNode items = plan == null ? null : plan.get("items");
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                addText(ids, item, "feature_id");
                addText(ids, item, "entity_feature_id");
            }
        }
        JsonNode schema = plan == null ? null : plan.get("credit_schema");
        if (schema != null && schema.isArray()) {
            for (JsonNode entry : schema) {
                addText(ids, entry, "metered_feature_id");
            }
        }
        return ids;
    }

    private static void addText(Set<String> ids, JsonNode node, String field) {
        String value = WireObject.text(node, field);
        if (value != null) {
            ids.add(value);
        }
    }

    // ------------------------------------------------------------------ features

    private static Feature readFeature(String id, WireObject node, Map<String, Feature> lookup, List<String> lines) {
        node.requireObject("feature");
        String type = node.text("type");
        String name = node.text("name");
        List<String> events = node.strings("event_names");
        if ("ai_credit_system".equals(type)) {
            throw new Unrepresentable("an AI credit system (model markups) cannot be expressed in the DSL");
        }
        for (String ai : AI_FIELDS) {
            JsonNode value = node.get(ai);
            if (present(value)) {
                lines.add(ai + " " + abbreviate(value) + " (AI credit markups)");
            }
        }
        JsonNode schema = node.get("credit_schema");
        if (type == null) {
            throw new Unrepresentable("the feature has no type");
        }
        switch (type) {
            case "boolean":
                // consumable is meaningless for a boolean; Autumn sets it itself (true after a type change).
                node.skip("consumable");
                noSchema(schema, type, lines);
                return new BooleanFeature(id, name, events, false);
            case "metered":
                noSchema(schema, type, lines);
                return new MeteredFeature(id, name, node.bool("consumable", false), events, false);
            case "credit_system":
                node.skip("consumable");
                return new CreditSystem(id, name, creditSchema(schema, lookup), events, false);
            default:
                throw new Unrepresentable("unknown feature type '" + type + "'");
        }
    }

    private static void noSchema(JsonNode schema, String type, List<String> lines) {
        if (present(schema)) {
            lines.add("a credit schema " + abbreviate(schema) + " on a " + type + " feature");
        }
    }

    private static List<CreditCost> creditSchema(JsonNode schema, Map<String, Feature> lookup) {
        if (schema == null || !schema.isArray()) {
            throw new Unrepresentable("the credit system has no credit schema");
        }
        List<CreditCost> costs = new ArrayList<>();
        for (JsonNode node : schema) {
            WireObject entry = WireObject.strict(node, "credit schema");
            String featureId = entry.text("metered_feature_id");
            if (featureId == null) {
                throw new Unrepresentable("a credit schema entry has no metered_feature_id");
            }
            Feature feature = resolve(featureId, lookup, "the credit schema");
            BigDecimal credits = entry.decimal("credit_cost", "credit cost of " + featureId);
            // Newer Autumn answers a credit cost per billing_units (rate cards, api-2.4.md §3a); 1 is the meaning
            // every 2.3.0 cost has. Any other value stays unread, so the credit system is unreadable and blocked.
            JsonNode units = entry.get("billing_units");
            if (units != null && units.isNumber() && units.decimalValue().compareTo(BigDecimal.ONE) == 0) {
                entry.skip("billing_units");
            }
            entry.done();
            costs.add(new CreditCost(feature, credits));
        }
        return costs;
    }

    // ------------------------------------------------------------------ plans

    private static Product readPlan(
            String id,
            WireObject node,
            JsonNode raw,
            Map<String, Feature> lookup,
            List<String> lines,
            List<String> kept) {
        node.requireObject("plan");
        String name = node.text("name");
        String description = blankToNull(node.text("description"));
        String group = blankToNull(node.text("group"));
        boolean addOn = node.bool("add_on", false);
        boolean autoEnable = node.bool("auto_enable", false);
        planExtras(node, lines, kept);

        List<Item> items = new ArrayList<>();
        JsonNode priceNode = node.get("price");
        if (present(priceNode)) {
            WireObject price = WireObject.lenient(priceNode, "price", lines, BASE_PRICE_IGNORED);
            price.requireObject("price");
            ItemReader.currencies(price, "price", lines);
            items.add(new PriceItem(price.decimal("amount", "price amount"), ItemReader.cycle(price, "price")));
            price.done();
        }
        JsonNode itemNodes = node.get("items");
        if (present(itemNodes)) {
            if (!itemNodes.isArray()) {
                throw new Unrepresentable("items is not a list: " + abbreviate(itemNodes));
            }
            for (JsonNode item : itemNodes) {
                items.add(ItemReader.item(item, lookup, lines));
            }
        }
        FreeTrial trial = null;
        JsonNode trialNode = node.get("free_trial");
        if (present(trialNode)) {
            trial = readTrial(trialNode, lines);
        }
        return new Product(id, name, description, group, addOn, autoEnable, trial, items);
    }

    private static void planExtras(WireObject node, List<String> lines, List<String> kept) {
        JsonNode config = node.get("config");
        if (present(config)) {
            Iterator<Map.Entry<String, JsonNode>> fields = config.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean defaultValue = "ignore_past_due".equals(field.getKey())
                        && field.getValue().isBoolean()
                        && !field.getValue().booleanValue();
                if (!defaultValue && present(field.getValue())) {
                    kept.add("config." + field.getKey() + " = " + abbreviate(field.getValue()));
                }
            }
        }
        for (String extra : PLAN_KEPT) {
            JsonNode value = node.get(extra);
            if (present(value)) {
                kept.add(extra.replace('_', ' ') + " " + abbreviate(value));
            }
        }
        for (String extra : PLAN_REPLACED) {
            JsonNode value = node.get(extra);
            if (present(value)) {
                lines.add(extra.replace('_', ' ') + " " + abbreviate(value));
            }
        }
        JsonNode variant = node.get("variant_details");
        if (present(variant)) {
            lines.add("a variant of plan '" + WireObject.text(variant, "base_plan_id") + "' " + abbreviate(variant));
        }
    }

    private static FreeTrial readTrial(JsonNode raw, List<String> lines) {
        requireObject(raw, "free trial");
        WireObject node = WireObject.lenient(raw, "free trial", lines, Set.of());
        JsonNode onEnd = node.get("on_end");
        if (present(onEnd)) {
            lines.add("free trial on_end = " + abbreviate(onEnd));
        }
        long length = node.integer("duration_length", -1, "free trial duration_length");
        String type = node.text("duration_type");
        FreeTrial.Unit unit;
        if (type == null) {
            unit = FreeTrial.Unit.MONTH; // the server's default
        } else {
            try {
                unit = FreeTrial.Unit.valueOf(upper(type));
            } catch (IllegalArgumentException e) {
                throw new Unrepresentable("unknown free trial duration_type '" + type + "'");
            }
        }
        if (length > Integer.MAX_VALUE) {
            throw new Unrepresentable("free trial of " + length + " " + unit.word() + "s");
        }
        boolean cardRequired = node.bool("card_required", true);
        node.done();
        return new FreeTrial((int) length, unit, cardRequired);
    }

    static Feature resolve(String id, Map<String, Feature> lookup, String where) {
        if (!lookup.containsKey(id)) {
            throw new Unrepresentable(where + " uses feature '" + id + "', which Autumn does not list");
        }
        Feature feature = lookup.get(id);
        if (feature == null) {
            throw new Unrepresentable(where + " uses feature '" + id + "', which the DSL cannot express");
        }
        return feature;
    }

    // ------------------------------------------------------------------ helpers

    /** {@code id}, or in a request body {@code feature_id}/{@code plan_id}; both count as read. */
    private static String entityId(WireObject object, JsonNode node, String requestKey, String kind) {
        object.skip("id", requestKey);
        String id = null;
        if (node != null && node.path("id").isTextual()) {
            id = node.get("id").textValue();
        } else if (node != null && node.path(requestKey).isTextual()) {
            id = node.get(requestKey).textValue();
        }
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("a " + kind + " without id: " + abbreviate(node));
        }
        return id;
    }

    /** Autumn returns {@code ""} as null; a text of spaces is stored as sent and kept (a group of its own). */
    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    static String upper(String text) {
        if (text == null) {
            throw new NullPointerException("value");
        }
        return text.toUpperCase(Locale.ROOT);
    }

    private static String reason(RuntimeException e) {
        if (e instanceof Unrepresentable) {
            return e.getMessage();
        }
        // A value the model cannot hold (a null name, say) or malformed content.
        return "cannot be expressed in the DSL: " + e.getMessage();
    }
}
