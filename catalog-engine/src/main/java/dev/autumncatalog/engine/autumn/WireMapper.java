package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.dsl.BillingMethod;
import dev.autumncatalog.dsl.BooleanFeature;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.CreditSystem;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.FreeTrial;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.MeteredFeature;
import dev.autumncatalog.dsl.OnDecrease;
import dev.autumncatalog.dsl.OnIncrease;
import dev.autumncatalog.dsl.PerUnitPrice;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Problem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.dsl.Proration;
import dev.autumncatalog.dsl.Rollover;
import dev.autumncatalog.dsl.Tier;
import dev.autumncatalog.dsl.TierBehavior;
import dev.autumncatalog.dsl.TieredPrice;
import dev.autumncatalog.dsl.UsagePrice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The catalog model in Autumn's 2.x wire format ({@code X-API-Version: 2.3.0}, RPC routes) and back. See
 * docs/DESIGN.md "Wire format" and "Canonical forms".
 *
 * <p>Writing produces request bodies: {@code feature_id}/{@code plan_id} keys, {@code ""} for no description or group,
 * tier {@code to: "inf"} for the unbounded tier, money as plain JSON numbers from {@code BigDecimal}.
 *
 * <p>Reading accepts answers and request bodies alike ({@code id} or {@code plan_id}/{@code feature_id}) and fills
 * every absent field with the default the server would store, so that a request and the answer to it read back to the
 * same canonical model. Server-owned fields ({@code display}, {@code created_at}, {@code version}, {@code env}, ids of
 * prices and entitlements, …) are ignored. Whatever the DSL cannot express becomes an {@code unsupported} line; an
 * entity that cannot be expressed at all (or that breaks a model invariant, such as a negative price the server
 * accepted) reads back with a {@code null} model. Reading never throws for content, only for an entity without id.
 *
 * <pre>{@code
 * ObjectNode body = WireMapper.planCreateBody(PRO);
 * RemotePlan remote = WireMapper.plan(answer, WireMapper.featureLookup(catalog.features()));
 * }</pre>
 */
public final class WireMapper {
    private static final ObjectMapper JSON = objectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String INF = "inf";
    private static final String ONE_OFF = "one_off";

    private static final Set<String> FEATURE_FIELDS =
            Set.of("id", "feature_id", "name", "type", "consumable", "event_names", "credit_schema", "archived");
    private static final Set<String> FEATURE_IGNORED = Set.of("display", "created_at", "env", "internal_id");
    private static final Set<String> AI_FIELDS = Set.of("model_markups", "default_markup", "provider_markups");

    private static final Set<String> PLAN_FIELDS = Set.of(
            "id",
            "plan_id",
            "name",
            "description",
            "group",
            "add_on",
            "auto_enable",
            "price",
            "items",
            "free_trial",
            "archived",
            "config",
            "billing_controls",
            "metadata",
            "variant_details",
            "variants",
            "licenses");
    private static final Set<String> PLAN_IGNORED = Set.of(
            "version",
            "created_at",
            "env",
            "base_variant_id",
            "customer_eligibility",
            "internal_id",
            // request-only flags, seen when a request body is read back
            "disable_version",
            "force_version",
            "all_versions",
            "include_versions",
            "include_variants");
    private static final Set<String> BASE_PRICE_FIELDS = Set.of("amount", "interval", "interval_count");
    private static final Set<String> BASE_PRICE_IGNORED = Set.of("price_id", "display");
    private static final Set<String> ITEM_FIELDS = Set.of(
            "feature_id",
            "included",
            "unlimited",
            "pooled",
            "reset",
            "price",
            "entity_feature_id",
            "rollover",
            "proration");
    private static final Set<String> ITEM_IGNORED = Set.of("display", "entitlement_id", "price_id", "feature");
    private static final Set<String> ITEM_PRICE_FIELDS = Set.of(
            "amount",
            "tiers",
            "tier_behavior",
            "interval",
            "interval_count",
            "billing_units",
            "billing_method",
            "max_purchase");
    private static final Set<String> TIER_FIELDS = Set.of("to", "amount", "flat_amount");
    private static final Set<String> TRIAL_FIELDS = Set.of("duration_length", "duration_type", "card_required");
    private static final Set<String> CYCLE_FIELDS = Set.of("interval", "interval_count");
    private static final Set<String> ROLLOVER_FIELDS =
            Set.of("max", "max_percentage", "expiry_duration_type", "expiry_duration_length");
    private static final Set<String> NONE = Set.of();

    private WireMapper() {}

    /**
     * A Jackson mapper set up for money: JSON decimals read as {@code BigDecimal} (never {@code double}), and
     * {@code BigDecimal} written as plain numbers ({@code 20}, not {@code 2E+1}).
     */
    public static ObjectMapper objectMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /** The shared mapper of {@link #objectMapper()}; do not reconfigure it. */
    static ObjectMapper json() {
        return JSON;
    }

    // ------------------------------------------------------------------ model → wire

    /** The {@code features.create} body: {@code {feature_id, name, type, consumable?, credit_schema?}}. */
    public static ObjectNode featureCreateBody(Feature feature) {
        Objects.requireNonNull(feature, "feature");
        ObjectNode body = NODES.objectNode();
        body.put("feature_id", feature.id());
        body.put("name", feature.name());
        if (feature instanceof BooleanFeature) {
            body.put("type", "boolean");
        } else if (feature instanceof MeteredFeature) {
            body.put("type", "metered");
            // Always sent: without it the server stores a metered feature as non-consumable, and an update of type
            // "metered" without it is refused.
            body.put("consumable", ((MeteredFeature) feature).consumable());
        } else {
            body.put("type", "credit_system");
            ArrayNode schema = body.putArray("credit_schema");
            for (CreditCost cost : feature.creditSchema()) {
                ObjectNode entry = schema.addObject();
                entry.put("metered_feature_id", cost.feature().id());
                entry.put("credit_cost", cost.credits());
            }
        }
        return body;
    }

    /** The {@code features.update} body: the create body plus {@code archived}. */
    public static ObjectNode featureUpdateBody(Feature feature, boolean archived) {
        ObjectNode body = featureCreateBody(feature);
        body.put("archived", archived);
        return body;
    }

    /** The {@code features.update} body that sets only the archived flag. */
    public static ObjectNode featureArchiveBody(String featureId, boolean archived) {
        ObjectNode body = NODES.objectNode();
        body.put("feature_id", Objects.requireNonNull(featureId, "featureId"));
        body.put("archived", archived);
        return body;
    }

    /** The {@code features.get}, {@code features.delete} body: {@code {feature_id}}. */
    public static ObjectNode featureIdBody(String featureId) {
        ObjectNode body = NODES.objectNode();
        body.put("feature_id", Objects.requireNonNull(featureId, "featureId"));
        return body;
    }

    /**
     * The {@code plans.create} body. {@code price} and {@code free_trial} are left out when the product has none (the
     * create schema does not take {@code null}); {@code description} and {@code group} are {@code ""} for none.
     *
     * @throws IllegalArgumentException when the product has more than one fixed price (a plan holds one)
     */
    public static ObjectNode planCreateBody(Product product) {
        ObjectNode body = planFields(product);
        if (body.get("price").isNull()) {
            body.remove("price");
        }
        if (body.get("free_trial").isNull()) {
            body.remove("free_trial");
        }
        return body;
    }

    /**
     * The {@code plans.update} body: every field of the plan (a partial update would keep what is left out), with
     * {@code price: null} and {@code free_trial: null} to remove them, {@code archived} always (Autumn un-archives on
     * any update without it), and {@code disable_version: true} for {@link VersionChoice#UPDATE_IN_PLACE}.
     */
    public static ObjectNode planUpdateBody(Product product, boolean archived, VersionChoice versionChoice) {
        Objects.requireNonNull(versionChoice, "versionChoice");
        ObjectNode body = planFields(product);
        body.put("archived", archived);
        if (versionChoice == VersionChoice.UPDATE_IN_PLACE) {
            body.put("disable_version", true);
        }
        return body;
    }

    /** The {@code plans.has_customers} body: the plan as {@code plans.update} would send it, without flags. */
    public static ObjectNode planCustomersBody(Product product) {
        return planFields(product);
    }

    /** The {@code plans.update} body that sets only the archived flag (no items: never creates a version). */
    public static ObjectNode planArchiveBody(String planId, boolean archived) {
        ObjectNode body = planIdBody(planId);
        body.put("archived", archived);
        return body;
    }

    /** The {@code plans.get} body: {@code {plan_id}}. */
    public static ObjectNode planIdBody(String planId) {
        ObjectNode body = NODES.objectNode();
        body.put("plan_id", Objects.requireNonNull(planId, "planId"));
        return body;
    }

    /** The {@code plans.delete} body: {@code {plan_id, all_versions: true}}. */
    public static ObjectNode planDeleteBody(String planId) {
        ObjectNode body = planIdBody(planId);
        body.put("all_versions", true);
        return body;
    }

    private static ObjectNode planFields(Product product) {
        Objects.requireNonNull(product, "product");
        ObjectNode body = NODES.objectNode();
        body.put("plan_id", product.id());
        body.put("name", product.name());
        // The server refuses null for both; "" means none and is returned as null.
        body.put("description", product.description() == null ? "" : product.description());
        body.put("group", product.group() == null ? "" : product.group());
        body.put("add_on", product.isAddOn());
        body.put("auto_enable", product.isDefault());
        List<PriceItem> prices = product.priceItems();
        if (prices.size() > 1) {
            throw new IllegalArgumentException("product '" + product.id() + "' has " + prices.size()
                    + " fixed prices; an Autumn plan holds one base price");
        }
        if (prices.isEmpty()) {
            body.putNull("price");
        } else {
            PriceItem price = prices.get(0);
            ObjectNode node = body.putObject("price");
            node.put("amount", price.amount());
            putInterval(node, price.billing());
        }
        ArrayNode items = body.putArray("items");
        for (Item item : product.items()) {
            if (item instanceof FeatureItem) {
                items.add(featureItemBody((FeatureItem) item));
            } else if (item instanceof PricedFeatureItem) {
                items.add(pricedItemBody((PricedFeatureItem) item));
            }
        }
        FreeTrial trial = product.freeTrial();
        if (trial == null) {
            body.putNull("free_trial");
        } else {
            ObjectNode node = body.putObject("free_trial");
            node.put("duration_length", trial.length());
            node.put("duration_type", trial.unit().word());
            node.put("card_required", trial.cardRequired());
        }
        return body;
    }

    private static ObjectNode featureItemBody(FeatureItem item) {
        ObjectNode node = NODES.objectNode();
        node.put("feature_id", item.feature().id());
        if (item.isUnlimited()) {
            node.put("unlimited", true);
        } else if (item.feature().type().hasUsage() || item.included() != 0) {
            // Boolean items carry only the feature id, as every recorded client sends them.
            node.put("included", item.included());
        }
        if (item.reset() != null) {
            node.set("reset", cycle(item.reset()));
        }
        if (item.entityFeature() != null) {
            node.put("entity_feature_id", item.entityFeature().id());
        }
        return node;
    }

    private static ObjectNode pricedItemBody(PricedFeatureItem item) {
        ObjectNode node = NODES.objectNode();
        node.put("feature_id", item.feature().id());
        node.put("included", item.included());
        if (item.feature().type().isConsumable()) {
            // The effective reset: a usage-based price must reset on its billing interval; a prepaid one may not.
            node.set("reset", cycle(item.effectiveReset()));
        } else if (item.reset() != null) {
            node.set("reset", cycle(item.reset()));
        }
        ObjectNode price = node.putObject("price");
        UsagePrice usagePrice = item.price();
        if (usagePrice instanceof PerUnitPrice) {
            price.put("amount", ((PerUnitPrice) usagePrice).amount());
        } else {
            TieredPrice tiered = (TieredPrice) usagePrice;
            ArrayNode tiers = price.putArray("tiers");
            for (Tier tier : tiered.tiers()) {
                ObjectNode t = tiers.addObject();
                if (tier.upTo() == null) {
                    t.put("to", INF);
                } else {
                    t.put("to", tier.upTo());
                }
                t.put("amount", tier.amount());
                if (tier.flatAmount() != null) {
                    t.put("flat_amount", tier.flatAmount());
                }
            }
            price.put("tier_behavior", tiered.behavior().name().toLowerCase(Locale.ROOT));
        }
        putInterval(price, item.billing());
        price.put("billing_units", item.billingUnits());
        price.put("billing_method", item.billingMethod() == BillingMethod.PREPAID ? "prepaid" : "usage_based");
        if (item.maxPurchase() != null) {
            price.put("max_purchase", item.maxPurchase());
        }
        Rollover rollover = item.rollover();
        if (rollover != null) {
            ObjectNode r = node.putObject("rollover");
            if (rollover.max() != null) {
                r.put("max", rollover.max());
            }
            if (rollover.maxPercentage() != null) {
                r.put("max_percentage", rollover.maxPercentage());
            }
            if (rollover.isForever()) {
                r.put("expiry_duration_type", "forever");
            } else {
                r.put("expiry_duration_type", "month");
                r.put("expiry_duration_length", rollover.months());
            }
        }
        Proration proration = item.proration();
        if (proration != null) {
            ObjectNode p = node.putObject("proration");
            p.put("on_increase", proration.onIncrease().name().toLowerCase(Locale.ROOT));
            p.put("on_decrease", proration.onDecrease().name().toLowerCase(Locale.ROOT));
        }
        if (item.entityFeature() != null) {
            node.put("entity_feature_id", item.entityFeature().id());
        }
        return node;
    }

    private static ObjectNode cycle(Cycle cycle) {
        ObjectNode node = NODES.objectNode();
        putInterval(node, cycle);
        return node;
    }

    private static void putInterval(ObjectNode node, Cycle cycle) {
        node.put("interval", cycle.isOneOff() ? ONE_OFF : cycle.interval().word());
        if (cycle.count() != 1) {
            node.put("interval_count", cycle.count());
        }
    }

    // ------------------------------------------------------------------ wire → model

    /**
     * A lookup of features by id for {@link #plan(JsonNode, Map)}, from models. Later entries win.
     *
     * @param features features in the catalog model
     */
    public static Map<String, Feature> featureLookup(Iterable<? extends Feature> features) {
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
    public static Map<String, Feature> remoteLookup(Iterable<RemoteFeature> features) {
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
    public static List<RemoteFeature> features(JsonNode listOrArray) {
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
     * @param node the feature object
     * @param lookup features by id, to resolve a credit schema; a {@code null} value marks a feature the DSL cannot
     *     express
     * @throws IllegalArgumentException when the object has no id
     */
    public static RemoteFeature feature(JsonNode node, Map<String, Feature> lookup) {
        String id = entityId(node, "feature_id", "feature");
        boolean archived = bool(node, "archived", false);
        List<String> unsupported = new ArrayList<>();
        Feature model;
        try {
            model = readFeature(id, node, lookup, unsupported);
            requireValidValues(new Catalog(List.of(model), List.of()));
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
     * @param node the plan object
     * @param lookup features by id; a {@code null} value marks a feature the DSL cannot express
     * @throws IllegalArgumentException when the object has no id
     */
    public static RemotePlan plan(JsonNode node, Map<String, Feature> lookup) {
        String id = entityId(node, "plan_id", "plan");
        boolean archived = bool(node, "archived", false);
        int version = 1;
        JsonNode v = node.get("version");
        if (v != null && v.canConvertToInt() && v.isIntegralNumber()) {
            version = v.intValue();
        }
        List<String> unsupported = new ArrayList<>();
        Product model;
        try {
            model = readPlan(id, node, lookup, unsupported);
            requireValidValues(new Catalog(List.of(), List.of(model)));
        } catch (RuntimeException e) {
            unsupported.add(reason(e));
            model = null;
        }
        return new RemotePlan(id, model, archived, version, unsupported);
    }

    /** Every feature id a plan object names (items and entity features), to fetch what a lookup lacks. */
    public static Set<String> referencedFeatureIds(JsonNode plan) {
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
        String value = text(node, field);
        if (value != null) {
            ids.add(value);
        }
    }

    private static Feature readFeature(String id, JsonNode node, Map<String, Feature> lookup, List<String> lines) {
        requireObject(node, "feature");
        unknownFields(node, FEATURE_FIELDS, union(FEATURE_IGNORED, AI_FIELDS), "", lines);
        String type = text(node, "type");
        String name = text(node, "name");
        List<String> events = strings(node.get("event_names"));
        if (!events.isEmpty()) {
            lines.add("event names " + events + " (the DSL tracks usage by feature id only)");
        }
        if ("ai_credit_system".equals(type)) {
            throw new Unrepresentable("an AI credit system (model markups) cannot be expressed in the DSL");
        }
        for (String ai : AI_FIELDS) {
            if (present(node.get(ai))) {
                lines.add(ai + " " + abbreviate(node.get(ai)) + " (AI credit markups)");
            }
        }
        JsonNode schema = node.get("credit_schema");
        if (type == null) {
            throw new Unrepresentable("the feature has no type");
        }
        switch (type) {
            case "boolean":
                // consumable is meaningless for a boolean; Autumn sets it itself (true after a type change).
                noSchema(schema, type, lines);
                return new BooleanFeature(id, name);
            case "metered":
                noSchema(schema, type, lines);
                return new MeteredFeature(id, name, bool(node, "consumable", false));
            case "credit_system":
                return new CreditSystem(id, name, creditSchema(schema, lookup));
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
        for (JsonNode entry : schema) {
            unknownFields(entry, Set.of("metered_feature_id", "credit_cost"), NONE, "credit schema", null);
            String featureId = text(entry, "metered_feature_id");
            if (featureId == null) {
                throw new Unrepresentable("a credit schema entry has no metered_feature_id");
            }
            Feature feature = resolve(featureId, lookup, "the credit schema");
            costs.add(new CreditCost(feature, decimal(entry, "credit_cost", "credit cost of " + featureId)));
        }
        return costs;
    }

    private static Product readPlan(String id, JsonNode node, Map<String, Feature> lookup, List<String> lines) {
        requireObject(node, "plan");
        unknownFields(node, PLAN_FIELDS, PLAN_IGNORED, "", lines);
        String name = text(node, "name");
        String description = blankToNull(text(node, "description"));
        String group = blankToNull(text(node, "group"));
        boolean addOn = bool(node, "add_on", false);
        boolean autoEnable = bool(node, "auto_enable", false);
        planExtras(node, lines);

        List<Item> items = new ArrayList<>();
        JsonNode price = node.get("price");
        if (present(price)) {
            requireObject(price, "price");
            unknownFields(price, BASE_PRICE_FIELDS, BASE_PRICE_IGNORED, "price", lines);
            currencies(price, "price", lines);
            items.add(new PriceItem(decimal(price, "amount", "price amount"), cycle(price, "price", false)));
        }
        JsonNode itemNodes = node.get("items");
        if (present(itemNodes)) {
            if (!itemNodes.isArray()) {
                throw new Unrepresentable("items is not a list: " + abbreviate(itemNodes));
            }
            for (JsonNode item : itemNodes) {
                items.add(readItem(item, lookup, lines));
            }
        }
        FreeTrial trial = null;
        JsonNode trialNode = node.get("free_trial");
        if (present(trialNode)) {
            trial = readTrial(trialNode, lines);
        }
        return new Product(id, name, description, group, addOn, autoEnable, trial, items);
    }

    private static void planExtras(JsonNode node, List<String> lines) {
        JsonNode config = node.get("config");
        if (present(config)) {
            Iterator<Map.Entry<String, JsonNode>> fields = config.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean defaultValue = "ignore_past_due".equals(field.getKey())
                        && field.getValue().isBoolean()
                        && !field.getValue().booleanValue();
                if (!defaultValue && present(field.getValue())) {
                    lines.add("config." + field.getKey() + " = " + abbreviate(field.getValue()));
                }
            }
        }
        for (String extra : List.of("billing_controls", "metadata", "variants", "licenses")) {
            JsonNode value = node.get(extra);
            if (present(value)) {
                lines.add(extra.replace('_', ' ') + " " + abbreviate(value));
            }
        }
        JsonNode variant = node.get("variant_details");
        if (present(variant)) {
            lines.add("a variant of plan '" + text(variant, "base_plan_id") + "' " + abbreviate(variant));
        }
    }

    private static Item readItem(JsonNode node, Map<String, Feature> lookup, List<String> lines) {
        requireObject(node, "item");
        String featureId = text(node, "feature_id");
        if (featureId == null) {
            throw new Unrepresentable("an item has no feature_id: " + abbreviate(node));
        }
        String where = "item " + featureId;
        unknownFields(node, ITEM_FIELDS, ITEM_IGNORED, where, lines);
        Feature feature = resolve(featureId, lookup, where);
        String entityId = text(node, "entity_feature_id");
        Feature entity = entityId == null ? null : resolve(entityId, lookup, where + " (entity feature)");
        long included = integer(node, "included", 0, where + " included");
        boolean unlimited = bool(node, "unlimited", false);
        if (bool(node, "pooled", false)) {
            lines.add(where + ": pooled (entity grants share one customer balance)");
        }
        Cycle reset = present(node.get("reset")) ? cycle(node.get("reset"), where + " reset", true) : null;
        boolean consumable = feature.type().isConsumable();
        JsonNode price = node.get("price");
        if (!present(price)) {
            if (present(node.get("rollover"))) {
                lines.add(where + ": rollover " + abbreviate(node.get("rollover")) + " on an item without a price");
            }
            if (present(node.get("proration"))) {
                lines.add(where + ": proration on an item without a price");
            }
            if (consumable && unlimited && reset != null && reset.isOneOff()) {
                reset = null; // Autumn fills one_off on unlimited items; it means nothing there.
            } else if (consumable && !unlimited && reset == null) {
                reset = Cycle.ONE_OFF; // Autumn's default for a consumable allowance without reset.
            }
            return new FeatureItem(feature, included, unlimited, reset, entity);
        }
        if (unlimited) {
            throw new Unrepresentable(where + " is unlimited and priced; Autumn stores an infinite allowance"
                    + " (and then fails plans.list), which the DSL cannot express");
        }
        requireObject(price, where + " price");
        unknownFields(price, ITEM_PRICE_FIELDS, Set.of("additional_currencies"), where + " price", lines);
        currencies(price, where + " price", lines);
        boolean hasAmount = present(price.get("amount"));
        boolean hasTiers = present(price.get("tiers"));
        if (hasAmount == hasTiers) {
            throw new Unrepresentable(where + " price needs exactly one of amount and tiers, was " + abbreviate(price));
        }
        UsagePrice usagePrice = hasAmount
                ? new PerUnitPrice(decimal(price, "amount", where + " price amount"))
                : new TieredPrice(tiers(price.get("tiers"), where), tierBehavior(price, where));
        Cycle billing = cycle(price, where + " price", false);
        long billingUnits = integer(price, "billing_units", 1, where + " billing_units");
        BillingMethod method = billingMethod(price, where);
        Long maxPurchase = present(price.get("max_purchase"))
                ? Long.valueOf(integer(price, "max_purchase", 0, where + " max_purchase"))
                : null;
        Rollover rollover = present(node.get("rollover")) ? rollover(node.get("rollover"), where) : null;
        Proration proration = present(node.get("proration")) ? proration(node.get("proration"), where) : null;
        if (reset != null && reset.equals(billing)) {
            reset = null; // "same as billing" is the canonical form (DESIGN.md rule 4).
        }
        return new PricedFeatureItem(
                feature,
                included,
                usagePrice,
                billingUnits,
                method,
                billing,
                reset,
                maxPurchase,
                rollover,
                proration,
                entity);
    }

    private static List<Tier> tiers(JsonNode node, String where) {
        if (!node.isArray()) {
            throw new Unrepresentable(where + " tiers is not a list: " + abbreviate(node));
        }
        List<Tier> tiers = new ArrayList<>();
        for (JsonNode tier : node) {
            requireObject(tier, where + " tier");
            unknownFields(tier, TIER_FIELDS, Set.of("additional_currencies"), where + " tier", null);
            JsonNode to = tier.get("to");
            Long upTo;
            if (to != null && to.isTextual() && INF.equals(to.textValue())) {
                upTo = null;
            } else {
                upTo = integer(tier, "to", -1, where + " tier to");
            }
            BigDecimal flat = present(tier.get("flat_amount")) ? decimal(tier, "flat_amount", where + " flat") : null;
            tiers.add(new Tier(upTo, decimal(tier, "amount", where + " tier amount"), flat));
        }
        return tiers;
    }

    private static TierBehavior tierBehavior(JsonNode price, String where) {
        String behavior = text(price, "tier_behavior");
        if (behavior == null || behavior.equals("graduated")) {
            return TierBehavior.GRADUATED;
        }
        if (behavior.equals("volume")) {
            return TierBehavior.VOLUME;
        }
        throw new Unrepresentable(where + ": unknown tier_behavior '" + behavior + "'");
    }

    private static BillingMethod billingMethod(JsonNode price, String where) {
        String method = text(price, "billing_method");
        if ("prepaid".equals(method)) {
            return BillingMethod.PREPAID;
        }
        if ("usage_based".equals(method)) {
            return BillingMethod.PAY_PER_USE;
        }
        throw new Unrepresentable(
                where + ": unknown billing_method " + (method == null ? "(none)" : "'" + method + "'"));
    }

    private static Rollover rollover(JsonNode node, String where) {
        requireObject(node, where + " rollover");
        unknownFields(node, ROLLOVER_FIELDS, NONE, where + " rollover", null);
        Long max = present(node.get("max")) ? Long.valueOf(integer(node, "max", 0, where + " rollover max")) : null;
        BigDecimal percentage =
                present(node.get("max_percentage")) ? decimal(node, "max_percentage", where + " rollover %") : null;
        String type = text(node, "expiry_duration_type");
        int months;
        if ("forever".equals(type)) {
            months = 0;
        } else if ("month".equals(type)) {
            months = Math.toIntExact(integer(node, "expiry_duration_length", 1, where + " rollover length"));
            if (months < 1) {
                throw new Unrepresentable(where + ": rollover expiring after " + months + " months");
            }
        } else {
            throw new Unrepresentable(where + ": unknown rollover expiry_duration_type '" + type + "'");
        }
        return new Rollover(max, percentage, months);
    }

    private static Proration proration(JsonNode node, String where) {
        try {
            return new Proration(
                    OnIncrease.valueOf(upper(text(node, "on_increase"))),
                    OnDecrease.valueOf(upper(text(node, "on_decrease"))));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Unrepresentable(where + ": unknown proration " + abbreviate(node));
        }
    }

    private static FreeTrial readTrial(JsonNode node, List<String> lines) {
        requireObject(node, "free trial");
        unknownFields(node, TRIAL_FIELDS, Set.of("on_end"), "free trial", lines);
        if (present(node.get("on_end"))) {
            lines.add("free trial on_end = " + abbreviate(node.get("on_end")));
        }
        long length = integer(node, "duration_length", -1, "free trial duration_length");
        String type = text(node, "duration_type");
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
        return new FreeTrial((int) length, unit, bool(node, "card_required", true));
    }

    private static Cycle cycle(JsonNode node, String where, boolean reset) {
        requireObject(node, where);
        if (reset) {
            unknownFields(node, CYCLE_FIELDS, NONE, where, null);
        }
        String interval = text(node, "interval");
        if (interval == null) {
            throw new Unrepresentable(where + " has no interval");
        }
        long count = integer(node, "interval_count", 1, where + " interval_count");
        if (ONE_OFF.equals(interval)) {
            if (count != 1) {
                throw new Unrepresentable(where + ": a one-off interval with interval_count " + count);
            }
            return Cycle.ONE_OFF;
        }
        Interval unit;
        try {
            unit = Interval.valueOf(upper(interval));
        } catch (IllegalArgumentException e) {
            throw new Unrepresentable(where + ": unknown interval '" + interval + "'");
        }
        if (count > Integer.MAX_VALUE) {
            throw new Unrepresentable(where + ": interval_count " + count);
        }
        return Cycle.every((int) count, unit);
    }

    private static void currencies(JsonNode price, String where, List<String> lines) {
        if (present(price.get("additional_currencies"))) {
            lines.add(where + ": additional currencies " + abbreviate(price.get("additional_currencies")));
        }
    }

    private static Feature resolve(String id, Map<String, Feature> lookup, String where) {
        if (!lookup.containsKey(id)) {
            throw new Unrepresentable(where + " uses feature '" + id + "', which Autumn does not list");
        }
        Feature feature = lookup.get(id);
        if (feature == null) {
            throw new Unrepresentable(where + " uses feature '" + id + "', which the DSL cannot express");
        }
        return feature;
    }

    // ------------------------------------------------------------------ JSON helpers

    private static String entityId(JsonNode node, String requestKey, String kind) {
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

    private static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new Unrepresentable(what + " is not an object: " + abbreviate(node));
        }
    }

    /** Unknown fields holding data become unsupported lines ({@code lines == null}: they make the entity unreadable). */
    private static void unknownFields(
            JsonNode node, Set<String> known, Set<String> ignored, String where, List<String> lines) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (known.contains(key) || ignored.contains(key) || !present(field.getValue())) {
                continue;
            }
            String line = (where.isEmpty() ? "" : where + ": ") + "unknown field '" + key + "' = "
                    + abbreviate(field.getValue());
            if (lines == null) {
                throw new Unrepresentable(line);
            }
            lines.add(line);
        }
    }

    /** {@code true} unless missing, {@code null}, or an empty object or array. */
    private static boolean present(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        return !(node.isContainerNode() && node.size() == 0);
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new Unrepresentable(field + " is not text: " + abbreviate(value));
        }
        return value.textValue();
    }

    private static boolean bool(JsonNode node, String field, boolean absent) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw new Unrepresentable(field + " is not true or false: " + abbreviate(value));
        }
        return value.booleanValue();
    }

    private static long integer(JsonNode node, String field, long absent, String what) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (absent < 0) {
                throw new Unrepresentable(what + " is missing");
            }
            return absent;
        }
        if (!value.isNumber()) {
            throw new Unrepresentable(what + " is not a number: " + abbreviate(value));
        }
        BigDecimal decimal = value.decimalValue();
        try {
            return decimal.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new Unrepresentable(what + " is not a whole number: " + decimal.toPlainString());
        }
    }

    private static BigDecimal decimal(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Unrepresentable(what + " is missing");
        }
        if (!value.isNumber()) {
            throw new Unrepresentable(what + " is not a number: " + abbreviate(value));
        }
        return value.decimalValue();
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        node.forEach(n -> values.add(n.asText()));
        return Collections.unmodifiableList(values);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String upper(String text) {
        return Objects.requireNonNull(text, "value").toUpperCase(Locale.ROOT);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Map<String, Boolean> all = new LinkedHashMap<>();
        a.forEach(k -> all.put(k, true));
        b.forEach(k -> all.put(k, true));
        return all.keySet();
    }

    /**
     * A value the model allows but no valid catalog holds (a negative price Autumn accepted, say) makes the entity
     * unreadable, as it did when the model's constructors threw for it: the first such value is the reason.
     */
    private static void requireValidValues(Catalog read) {
        List<Problem> problems = read.valueProblems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).message());
        }
    }

    private static String reason(RuntimeException e) {
        if (e instanceof Unrepresentable) {
            return e.getMessage();
        }
        // A model invariant (a negative price Autumn accepted, say) or malformed content.
        return "cannot be expressed in the DSL: " + e.getMessage();
    }

    static String abbreviate(JsonNode node) {
        String text = node == null ? "(none)" : node.toString();
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    /** Content the DSL cannot express; the entity reads back with a {@code null} model. */
    private static final class Unrepresentable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unrepresentable(String message) {
            super(message, null, false, false);
        }
    }
}
