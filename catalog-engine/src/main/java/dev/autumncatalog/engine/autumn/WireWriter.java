package dev.autumncatalog.engine.autumn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.dsl.BillingMethod;
import dev.autumncatalog.dsl.BooleanFeature;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.FreeTrial;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.MeteredFeature;
import dev.autumncatalog.dsl.PerUnitPrice;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.dsl.Proration;
import dev.autumncatalog.dsl.Rollover;
import dev.autumncatalog.dsl.Tier;
import dev.autumncatalog.dsl.TieredPrice;
import dev.autumncatalog.dsl.UsagePrice;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The catalog model as request bodies of Autumn's 2.x RPC routes ({@code X-API-Version: 2.3.0}): {@code
 * feature_id}/{@code plan_id} keys, {@code ""} for no description or group, tier {@code to: "inf"} for the unbounded
 * tier, money as plain JSON numbers from {@code BigDecimal}. Each field of an item is written in one place: {@code
 * featureItemBody} or {@code pricedItemBody}. See docs/DESIGN.md "Wire format".
 *
 * <pre>{@code
 * ObjectNode body = WireWriter.planCreateBody(PRO);
 * }</pre>
 */
final class WireWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String INF = "inf";
    static final String ONE_OFF = "one_off";

    private WireWriter() {}

    /**
     * The {@code features.create} body: {@code {feature_id, name, type, consumable?, credit_schema?, event_names?}};
     * event names only when there are some.
     */
    static ObjectNode featureCreateBody(Feature feature) {
        ObjectNode body = featureFields(feature);
        if (!feature.eventNames().isEmpty()) {
            body.set("event_names", eventNames(feature));
        }
        return body;
    }

    private static ArrayNode eventNames(Feature feature) {
        ArrayNode names = NODES.arrayNode();
        feature.eventNames().forEach(names::add);
        return names;
    }

    private static ObjectNode featureFields(Feature feature) {
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

    /**
     * The {@code features.update} body: the create body with {@code event_names} always ({@code []} clears them, left
     * out they would be kept: the catalog says them, audit F-events-kept) and {@code archived} (an update with {@code
     * false} un-archives, audit F-archive-engine).
     */
    static ObjectNode featureUpdateBody(Feature feature, boolean archived) {
        ObjectNode body = featureFields(feature);
        body.set("event_names", eventNames(feature));
        body.put("archived", archived);
        return body;
    }

    /** The {@code features.update} body that sets only the archived flag. */
    static ObjectNode featureArchiveBody(String featureId, boolean archived) {
        ObjectNode body = NODES.objectNode();
        body.put("feature_id", Objects.requireNonNull(featureId, "featureId"));
        body.put("archived", archived);
        return body;
    }

    /** The {@code features.get}, {@code features.delete} body: {@code {feature_id}}. */
    static ObjectNode featureIdBody(String featureId) {
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
    static ObjectNode planCreateBody(Product product) {
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
    static ObjectNode planUpdateBody(Product product, boolean archived, VersionChoice versionChoice) {
        Objects.requireNonNull(versionChoice, "versionChoice");
        ObjectNode body = planFields(product);
        body.put("archived", archived);
        if (versionChoice == VersionChoice.UPDATE_IN_PLACE) {
            body.put("disable_version", true);
        }
        return body;
    }

    /** The {@code plans.has_customers} body: the plan as {@code plans.update} would send it, without flags. */
    static ObjectNode planCustomersBody(Product product) {
        return planFields(product);
    }

    /** The {@code plans.update} body that sets only the archived flag (no items: never creates a version). */
    static ObjectNode planArchiveBody(String planId, boolean archived) {
        ObjectNode body = planIdBody(planId);
        body.put("archived", archived);
        return body;
    }

    /** The {@code plans.get} body: {@code {plan_id}}. */
    static ObjectNode planIdBody(String planId) {
        ObjectNode body = NODES.objectNode();
        body.put("plan_id", Objects.requireNonNull(planId, "planId"));
        return body;
    }

    /** The {@code plans.delete} body: {@code {plan_id, all_versions: true}}. */
    static ObjectNode planDeleteBody(String planId) {
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
        if (item.rollover() != null) {
            node.set("rollover", rollover(item.rollover()));
        }
        if (item.entityFeature() != null) {
            node.put("entity_feature_id", item.entityFeature().id());
        }
        if (item.isPooled()) {
            node.put("pooled", true); // an item update without it drops it (audit R7b)
        }
        return node;
    }

    private static ObjectNode rollover(Rollover rollover) {
        ObjectNode r = NODES.objectNode();
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
        return r;
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
        if (item.rollover() != null) {
            node.set("rollover", rollover(item.rollover()));
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
        if (item.isPooled()) {
            node.put("pooled", true);
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
}
