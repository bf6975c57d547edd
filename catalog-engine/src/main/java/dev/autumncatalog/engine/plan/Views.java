package dev.autumncatalog.engine.plan;

import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FreeTrial;
import dev.autumncatalog.dsl.Product;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The comparable form of features and plans: ordered maps from field path to typed {@link Value}. Two entities are
 * unchanged exactly when their maps are equal; a diff is the fields whose values differ. Items are matched and
 * compared by {@link ItemDiff}.
 *
 * <p>What the comparison deliberately leaves out:
 *
 * <ul>
 *   <li>item order (items are matched as a multiset, see {@link ItemDiff});
 *   <li>the nested {@link Feature} records inside items and credit schemas: only their ids count, so renaming a feature
 *       does not change every plan that uses it;
 *   <li>proration: Autumn accepts it but never returns it (CONTRACT §1.6), so it is sent with every create and update
 *       but cannot be compared;
 *   <li>a priced item's explicit reset equal to its billing cycle, which is the same as no reset (DESIGN canonical form
 *       4);
 *   <li>the archived flag: the {@link Planner} compares it, since it decides the kind of change (un-archive, or an
 *       update that archives).
 * </ul>
 */
final class Views {
    private Views() {}

    // Features

    /** {@code name}, {@code type}, {@code creditSchema[<id>]}. */
    static Map<String, Value> feature(Feature feature) {
        Map<String, Value> fields = new LinkedHashMap<>();
        fields.put("name", new Value.Text(feature.name()));
        fields.put("type", new Value.Kind(feature.type()));
        for (CreditCost cost : feature.creditSchema()) {
            fields.put("creditSchema[" + cost.feature().id() + "]", new Value.Decimal(cost.credits()));
        }
        // Autumn matches event names as a set: one field per name, in the catalog's order.
        for (String name : feature.eventNames()) {
            fields.put("eventNames[" + name + "]", new Value.Flag(true));
        }
        return fields;
    }

    /** Every field of a new feature. */
    static List<FieldChange> featureCreate(Feature feature) {
        return created(feature(feature));
    }

    /** The fields that differ; empty when unchanged. */
    static List<FieldChange> featureDiff(Feature before, Feature after) {
        return diff("", feature(before), feature(after));
    }

    // Plans

    /** The plan's own fields, without trial and items: {@code name}, {@code description}, … */
    private static Map<String, Value> details(Product product, boolean withDefaults) {
        Map<String, Value> fields = new LinkedHashMap<>();
        fields.put("name", new Value.Text(product.name()));
        if (product.description() != null) {
            fields.put("description", new Value.Text(product.description()));
        }
        if (product.group() != null) {
            fields.put("group", new Value.Text(product.group()));
        }
        if (withDefaults || product.isAddOn()) {
            fields.put("addOn", new Value.Flag(product.isAddOn()));
        }
        if (withDefaults || product.isDefault()) {
            fields.put("default", new Value.Flag(product.isDefault()));
        }
        return fields;
    }

    /** Every field a new plan sets, items in catalog order; flags only when set. */
    static List<FieldChange> productCreate(Product product) {
        List<FieldChange> fields = created(details(product, false));
        if (product.freeTrial() != null) {
            fields.add(new FieldChange("freeTrial", null, new Value.Trial(product.freeTrial())));
        }
        fields.addAll(ItemDiff.created(product.items()));
        return fields;
    }

    /** The fields that differ, price and items matched as a multiset; empty when unchanged. */
    static List<FieldChange> productDiff(Product before, Product after) {
        List<FieldChange> fields = diff("", details(before, true), details(after, true));
        FreeTrial was = before.freeTrial();
        FreeTrial now = after.freeTrial();
        if (was == null || now == null) {
            if (was != null || now != null) {
                fields.add(new FieldChange("freeTrial", trial(was), trial(now)));
            }
        } else {
            fields.addAll(diff("freeTrial.", trialFields(was), trialFields(now)));
        }
        fields.addAll(ItemDiff.diff(before.items(), after.items()));
        return fields;
    }

    private static Value trial(FreeTrial trial) {
        return trial == null ? null : new Value.Trial(trial);
    }

    private static Map<String, Value> trialFields(FreeTrial trial) {
        Map<String, Value> fields = new LinkedHashMap<>();
        fields.put("duration", new Value.Duration(trial.length(), trial.unit()));
        fields.put("cardRequired", new Value.Flag(trial.cardRequired()));
        return fields;
    }

    // Generic maps

    /** Every field of {@code fields} as set by a create. */
    static List<FieldChange> created(Map<String, Value> fields) {
        List<FieldChange> result = new ArrayList<>();
        fields.forEach((path, value) -> result.add(new FieldChange(path, null, value)));
        return result;
    }

    /** Every path whose value differs, in the order of {@code after} and then of {@code before}. */
    static List<FieldChange> diff(String prefix, Map<String, Value> before, Map<String, Value> after) {
        Set<String> paths = new LinkedHashSet<>(after.keySet());
        paths.addAll(before.keySet());
        List<FieldChange> result = new ArrayList<>();
        for (String path : paths) {
            Value was = before.get(path);
            Value now = after.get(path);
            if (!Objects.equals(was, now)) {
                result.add(new FieldChange(prefix + path, was, now));
            }
        }
        return result;
    }
}
