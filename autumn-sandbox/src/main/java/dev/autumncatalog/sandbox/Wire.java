package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/** The 2.3.0 answer shapes of features and plans, field by field as the real server sends them. */
final class Wire {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Wire() {}

    static ObjectNode feature(Model.Feature feature) {
        ObjectNode node = JSON.objectNode();
        node.put("id", feature.id);
        node.put("name", feature.name);
        node.put("type", feature.type);
        node.put("consumable", feature.consumable);
        if (feature.isCreditSystem() && feature.creditSchema != null) {
            ArrayNode schema = node.putArray("credit_schema");
            for (Model.CreditEntry entry : feature.creditSchema) {
                ObjectNode e = schema.addObject();
                e.put("metered_feature_id", entry.meteredFeatureId);
                e.set("credit_cost", Numbers.node(entry.creditCost));
            }
        }
        ArrayNode events = node.putArray("event_names");
        feature.eventNames.forEach(events::add);
        node.put("archived", feature.archived);
        if (feature.display != null) {
            ObjectNode display = node.putObject("display");
            display.put("singular", feature.display.singular);
            display.put("plural", feature.display.plural);
        }
        return node;
    }

    static ObjectNode plan(Model.PlanVersion plan, Function<String, Model.Feature> features) {
        ObjectNode node = JSON.objectNode();
        node.put("id", plan.id);
        node.put("name", plan.name);
        node.put("description", plan.description);
        node.put("group", plan.group);
        node.put("version", plan.version);
        node.put("add_on", plan.addOn);
        node.put("auto_enable", plan.autoEnable);
        if (plan.price == null) {
            node.putNull("price");
        } else {
            ObjectNode price = node.putObject("price");
            price.set("amount", Numbers.node(plan.price.amount));
            price.put("interval", plan.price.interval);
            if (plan.price.intervalCount != 1) {
                price.put("interval_count", plan.price.intervalCount);
            }
            price.put("price_id", plan.price.priceId);
            String[] texts = Display.basePrice(plan.price);
            price.putObject("display").put("primary_text", texts[0]).put("secondary_text", texts[1]);
        }
        ArrayNode items = node.putArray("items");
        for (Model.Item item : plan.items) {
            items.add(item(item, features));
        }
        if (plan.freeTrial != null) {
            ObjectNode trial = node.putObject("free_trial");
            trial.set("duration_length", Numbers.node(plan.freeTrial.durationLength));
            trial.put("duration_type", plan.freeTrial.durationType);
            trial.put("card_required", plan.freeTrial.cardRequired);
            trial.putNull("on_end");
        }
        node.put("created_at", plan.createdAt);
        node.put("env", "sandbox");
        node.put("archived", plan.archived);
        node.putObject("config").put("ignore_past_due", false);
        node.putObject("billing_controls");
        node.putObject("metadata");
        node.putNull("base_variant_id");
        return node;
    }

    private static ObjectNode item(Model.Item item, Function<String, Model.Feature> features) {
        ObjectNode node = JSON.objectNode();
        node.put("feature_id", item.featureId);
        node.set("included", Numbers.node(item.included));
        node.put("unlimited", item.unlimited);
        node.put("pooled", item.pooled);
        if (item.reset == null) {
            node.putNull("reset");
        } else {
            ObjectNode reset = node.putObject("reset");
            reset.put("interval", item.reset.interval);
            if (item.reset.intervalCount != 1) {
                reset.put("interval_count", item.reset.intervalCount);
            }
        }
        if (item.price == null) {
            node.putNull("price");
        } else {
            node.set("price", price(item.price));
        }
        Model.Feature feature = features.apply(item.featureId);
        if (feature != null) {
            String[] texts = Display.item(item, feature);
            ObjectNode display = node.putObject("display").put("primary_text", texts[0]);
            if (texts[1] != null) {
                display.put("secondary_text", texts[1]);
            }
        }
        if (item.entityFeatureId != null) {
            node.put("entity_feature_id", item.entityFeatureId);
        }
        if (item.rollover != null) {
            ObjectNode rollover = node.putObject("rollover");
            rollover.set("max", Numbers.node(item.rollover.max));
            rollover.set("max_percentage", Numbers.node(item.rollover.maxPercentage));
            rollover.put("expiry_duration_type", item.rollover.expiryDurationType);
            rollover.set("expiry_duration_length", Numbers.node(item.rollover.expiryDurationLength));
        }
        node.put("entitlement_id", item.entitlementId);
        if (item.priceId != null) {
            node.put("price_id", item.priceId);
        }
        return node;
    }

    private static ObjectNode price(Model.ItemPrice price) {
        ObjectNode node = JSON.objectNode();
        if (price.tiers != null) {
            ArrayNode tiers = node.putArray("tiers");
            for (Model.Tier tier : price.tiers) {
                ObjectNode t = tiers.addObject();
                if (tier.to == null) {
                    t.put("to", "inf");
                } else {
                    t.set("to", Numbers.node(tier.to));
                }
                t.set("amount", Numbers.node(tier.amount));
                if (tier.flatAmount != null) {
                    t.set("flat_amount", Numbers.node(tier.flatAmount));
                }
            }
            node.put("tier_behavior", price.tierBehavior);
        } else {
            node.set("amount", Numbers.node(price.amount));
        }
        node.put("interval", price.interval);
        if (price.intervalCount != 1) {
            node.put("interval_count", price.intervalCount);
        }
        node.set("billing_units", Numbers.node(price.billingUnits));
        node.put("billing_method", price.billingMethod);
        node.set("max_purchase", Numbers.node(price.maxPurchase));
        return node;
    }
}
