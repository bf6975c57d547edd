package dev.autumncatalog.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;

/**
 * The 2.3.0 answer shapes of features and plans. Plan values (prices, items, trials) are the model's records written
 * by Jackson; this class adds what the server derives around them ({@code display} texts, constant fields).
 */
final class Wire {
    private Wire() {}

    static ObjectNode feature(Model.Feature feature) {
        ObjectNode node = Json.object();
        node.put("id", feature.id);
        node.put("name", feature.name);
        node.put("type", feature.type);
        node.put("consumable", feature.consumable);
        if (feature.isCreditSystem() && feature.creditSchema != null) {
            ArrayNode schema = node.putArray("credit_schema");
            feature.creditSchema.forEach(entry -> schema.add(Json.wire(entry)));
        }
        ArrayNode events = node.putArray("event_names");
        feature.eventNames.forEach(events::add);
        node.put("archived", feature.archived);
        if (feature.display != null) {
            node.set("display", Json.wire(feature.display));
        }
        return node;
    }

    static ObjectNode plan(Model.PlanVersion plan, Function<String, Model.Feature> features) {
        ObjectNode node = Json.object();
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
            ObjectNode price = Json.wire(plan.price);
            String[] texts = Display.basePrice(plan.price);
            price.putObject("display").put("primary_text", texts[0]).put("secondary_text", texts[1]);
            node.set("price", price);
        }
        ArrayNode items = node.putArray("items");
        for (Model.Item item : plan.items) {
            items.add(item(item, features));
        }
        if (plan.freeTrial != null) {
            node.set("free_trial", Json.wire(plan.freeTrial).putNull("on_end"));
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
        ObjectNode node = Json.wire(item);
        Model.Feature feature = features.apply(item.featureId());
        if (feature != null) {
            String[] texts = Display.item(item, feature);
            ObjectNode display = node.putObject("display").put("primary_text", texts[0]);
            if (texts[1] != null) {
                display.put("secondary_text", texts[1]);
            }
        }
        return node;
    }
}
