package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.engine.autumn.WireObject.abbreviate;
import static dev.autumncatalog.engine.autumn.WireObject.present;
import static dev.autumncatalog.engine.autumn.WireObject.requireObject;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autumncatalog.dsl.BillingMethod;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.OnDecrease;
import dev.autumncatalog.dsl.OnIncrease;
import dev.autumncatalog.dsl.PerUnitPrice;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Proration;
import dev.autumncatalog.dsl.Rollover;
import dev.autumncatalog.dsl.Tier;
import dev.autumncatalog.dsl.TierBehavior;
import dev.autumncatalog.dsl.TieredPrice;
import dev.autumncatalog.dsl.UsagePrice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The items of a plan answer in the catalog model, for {@link WireReader}: feature items, priced items with their
 * price, tiers, rollover and proration, and the intervals they use. Every field of {@link FeatureItem} and {@link
 * PricedFeatureItem} is read in {@link #item}, once; what an item holds beyond them becomes an unsupported line (or,
 * inside tiers, resets and rollovers, makes the plan unreadable).
 */
final class ItemReader {
    /** Server-owned fields of an item. */
    private static final Set<String> ITEM_IGNORED = Set.of("display", "entitlement_id", "price_id", "feature");

    private ItemReader() {}

    /**
     * One item: every field of {@link FeatureItem} and {@link PricedFeatureItem} is read here, once. A new field of an
     * item is one more line below (and one in {@code WireWriter.featureItemBody} or {@code pricedItemBody}).
     */
    static Item item(JsonNode raw, Map<String, Feature> lookup, List<String> lines) {
        requireObject(raw, "item");
        String featureId = WireObject.text(raw, "feature_id");
        if (featureId == null) {
            throw new Unrepresentable("an item has no feature_id: " + abbreviate(raw));
        }
        String where = "item " + featureId;
        WireObject node = WireObject.lenient(raw, where, lines, ITEM_IGNORED);
        node.skip("feature_id");
        Feature feature = WireReader.resolve(featureId, lookup, where);
        String entityId = node.text("entity_feature_id");
        Feature entity = entityId == null ? null : WireReader.resolve(entityId, lookup, where + " (entity feature)");
        long included = node.integer("included", 0, where + " included");
        boolean unlimited = node.bool("unlimited", false);
        boolean pooled = node.bool("pooled", false);
        JsonNode resetNode = node.get("reset");
        Cycle reset = present(resetNode) ? reset(resetNode, where + " reset") : null;
        boolean consumable = feature.type().isConsumable();
        JsonNode priceNode = node.get("price");
        JsonNode rolloverNode = node.get("rollover");
        JsonNode prorationNode = node.get("proration");
        if (!present(priceNode)) {
            // Autumn stores a rollover on an unpriced grant as sent (audit P16b).
            Rollover rollover = present(rolloverNode) ? rollover(rolloverNode, where) : null;
            if (present(prorationNode)) {
                lines.add(where + ": proration on an item without a price");
            }
            // An unlimited item's reset (one_off filled in by Autumn, or a month atmn sent) is dropped by FeatureItem:
            // its balance never resets (audit V14).
            if (consumable && !unlimited && reset == null) {
                reset = Cycle.ONE_OFF; // Autumn's default for a consumable allowance without reset.
            }
            node.done();
            return new FeatureItem(feature, included, unlimited, reset, entity, pooled, rollover);
        }
        if (unlimited) {
            throw new Unrepresentable(where + " is unlimited and priced; Autumn stores an infinite allowance"
                    + " (and then fails plans.list), which the DSL cannot express");
        }
        WireObject price = WireObject.lenient(priceNode, where + " price", lines, Set.of());
        price.requireObject(where + " price");
        currencies(price, where + " price", lines);
        JsonNode amount = price.get("amount");
        JsonNode tiers = price.get("tiers");
        if (present(amount) == present(tiers)) {
            throw new Unrepresentable(
                    where + " price needs exactly one of amount and tiers, was " + price.abbreviated());
        }
        UsagePrice usagePrice = present(amount)
                ? new PerUnitPrice(price.decimal("amount", where + " price amount"))
                : new TieredPrice(tiers(tiers, where, lines), tierBehavior(price, where));
        price.skip("tier_behavior");
        Cycle billing = cycle(price, where + " price");
        long billingUnits = price.integer("billing_units", 1, where + " billing_units");
        BillingMethod method = billingMethod(price, where);
        Long maxPurchase = price.has("max_purchase")
                ? Long.valueOf(price.integer("max_purchase", 0, where + " max_purchase"))
                : null;
        Rollover rollover = present(rolloverNode) ? rollover(rolloverNode, where) : null;
        Proration proration = present(prorationNode) ? proration(prorationNode, where) : null;
        if (reset != null && reset.equals(billing)) {
            reset = null; // "same as billing" is the canonical form (DESIGN.md rule 4).
        }
        price.done();
        node.done();
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
                entity,
                pooled);
    }

    private static List<Tier> tiers(JsonNode node, String where, List<String> lines) {
        if (!node.isArray()) {
            throw new Unrepresentable(where + " tiers is not a list: " + abbreviate(node));
        }
        List<Tier> tiers = new ArrayList<>();
        for (JsonNode raw : node) {
            requireObject(raw, where + " tier");
            WireObject tier = WireObject.strict(raw, where + " tier");
            JsonNode currencies = tier.get("additional_currencies");
            tier.skip("additional_currencies");
            if (present(currencies)) {
                // Not silently: a push rewrites the item without them (openapi-fields.md).
                lines.add(where + ": tier additional currencies " + abbreviate(currencies));
            }
            JsonNode to = tier.get("to");
            Long upTo;
            if (to != null && to.isTextual() && WireWriter.INF.equals(to.textValue())) {
                upTo = null;
            } else {
                upTo = tier.integer("to", -1, where + " tier to");
            }
            BigDecimal flat = tier.has("flat_amount") ? tier.decimal("flat_amount", where + " flat") : null;
            BigDecimal amount = tier.decimal("amount", where + " tier amount");
            tier.done();
            tiers.add(new Tier(upTo, amount, flat));
        }
        return tiers;
    }

    private static TierBehavior tierBehavior(WireObject price, String where) {
        String behavior = price.text("tier_behavior");
        if (behavior == null || behavior.equals("graduated")) {
            return TierBehavior.GRADUATED;
        }
        if (behavior.equals("volume")) {
            return TierBehavior.VOLUME;
        }
        throw new Unrepresentable(where + ": unknown tier_behavior '" + behavior + "'");
    }

    private static BillingMethod billingMethod(WireObject price, String where) {
        String method = price.text("billing_method");
        if ("prepaid".equals(method)) {
            return BillingMethod.PREPAID;
        }
        if ("usage_based".equals(method)) {
            return BillingMethod.PAY_PER_USE;
        }
        throw new Unrepresentable(
                where + ": unknown billing_method " + (method == null ? "(none)" : "'" + method + "'"));
    }

    private static Rollover rollover(JsonNode raw, String where) {
        requireObject(raw, where + " rollover");
        WireObject node = WireObject.strict(raw, where + " rollover");
        Long max = node.has("max") ? Long.valueOf(node.integer("max", 0, where + " rollover max")) : null;
        BigDecimal percentage =
                node.has("max_percentage") ? node.decimal("max_percentage", where + " rollover %") : null;
        String type = node.text("expiry_duration_type");
        int months;
        if ("forever".equals(type)) {
            months = 0;
            node.skip("expiry_duration_length");
        } else if ("month".equals(type)) {
            months = Math.toIntExact(node.integer("expiry_duration_length", 1, where + " rollover length"));
            if (months < 1) {
                throw new Unrepresentable(where + ": rollover expiring after " + months + " months");
            }
        } else {
            throw new Unrepresentable(where + ": unknown rollover expiry_duration_type '" + type + "'");
        }
        node.done();
        return new Rollover(max, percentage, months);
    }

    private static Proration proration(JsonNode node, String where) {
        try {
            return new Proration(
                    OnIncrease.valueOf(WireReader.upper(WireObject.text(node, "on_increase"))),
                    OnDecrease.valueOf(WireReader.upper(WireObject.text(node, "on_decrease"))));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Unrepresentable(where + ": unknown proration " + abbreviate(node));
        }
    }

    /** A reset: an object of its own, holding nothing but an interval. */
    private static Cycle reset(JsonNode raw, String where) {
        requireObject(raw, where);
        WireObject node = WireObject.strict(raw, where);
        Cycle cycle = cycle(node, where);
        node.done();
        return cycle;
    }

    /** {@code interval} and {@code interval_count} of an object (a reset, or a price). */
    static Cycle cycle(WireObject node, String where) {
        String interval = node.text("interval");
        if (interval == null) {
            throw new Unrepresentable(where + " has no interval");
        }
        long count = node.integer("interval_count", 1, where + " interval_count");
        if (WireWriter.ONE_OFF.equals(interval)) {
            return Cycle.ONE_OFF; // a count means nothing on one_off; Autumn stores it as sent (audit P5c)
        }
        Interval unit;
        try {
            unit = Interval.valueOf(WireReader.upper(interval));
        } catch (IllegalArgumentException e) {
            throw new Unrepresentable(where + ": unknown interval '" + interval + "'");
        }
        if (count > Integer.MAX_VALUE) {
            throw new Unrepresentable(where + ": interval_count " + count);
        }
        return Cycle.every((int) count, unit);
    }

    static void currencies(WireObject price, String where, List<String> lines) {
        JsonNode currencies = price.get("additional_currencies");
        if (present(currencies)) {
            lines.add(where + ": additional currencies " + abbreviate(currencies));
        }
    }
}
