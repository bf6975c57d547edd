package dev.autumncatalog.engine.plan;

import dev.autumncatalog.dsl.BillingMethod;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.FeatureType;
import dev.autumncatalog.dsl.FreeTrial;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.PerUnitPrice;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.dsl.Rollover;
import dev.autumncatalog.dsl.Tier;
import dev.autumncatalog.dsl.TierBehavior;
import dev.autumncatalog.dsl.TieredPrice;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The comparable, readable form of features, plans and items: ordered maps from field path to display value. Two
 * entities are unchanged exactly when their maps are equal; a diff is the fields whose values differ.
 *
 * <p>What the comparison deliberately leaves out:
 *
 * <ul>
 *   <li>item order (items are matched as a multiset: feature id + reset cycle + entity feature, see {@link #diffItems});
 *   <li>the nested {@link Feature} records inside items and credit schemas: only their ids count, so renaming a feature
 *       does not change every plan that uses it;
 *   <li>proration: Autumn accepts it but never returns it (CONTRACT §1.6), so it is sent with every create and update
 *       but cannot be compared;
 *   <li>a priced item's explicit reset equal to its billing cycle, which is the same as no reset (DESIGN canonical form
 *       4).
 * </ul>
 */
final class Views {
    private Views() {}

    // Features

    /** {@code type}, {@code name}, {@code creditSchema[<id>]}. */
    static Map<String, String> feature(Feature feature) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", feature.name());
        fields.put("type", feature.type().word());
        for (CreditCost cost : feature.creditSchema()) {
            fields.put("creditSchema[" + cost.feature().id() + "]", Format.decimal(cost.credits()));
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
    private static Map<String, String> details(Product product, boolean withDefaults) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", product.name());
        put(fields, "description", product.description());
        put(fields, "group", product.group());
        if (withDefaults || product.isAddOn()) {
            fields.put("addOn", Boolean.toString(product.isAddOn()));
        }
        if (withDefaults || product.isDefault()) {
            fields.put("default", Boolean.toString(product.isDefault()));
        }
        return fields;
    }

    /** Every field a new plan sets, items in catalog order; flags only when set. */
    static List<FieldChange> productCreate(Product product) {
        List<FieldChange> fields = created(details(product, false));
        if (product.freeTrial() != null) {
            fields.add(new FieldChange("freeTrial", null, trial(product.freeTrial())));
        }
        List<ItemView> items = views(product.items());
        for (ItemView item : items) {
            fields.add(new FieldChange(item.label(ambiguous(item, items, List.of())), null, item.summary));
        }
        return fields;
    }

    /** The fields that differ, price and items matched as a multiset; empty when unchanged. */
    static List<FieldChange> productDiff(Product before, Product after) {
        List<FieldChange> fields = diff("", details(before, true), details(after, true));
        FreeTrial was = before.freeTrial();
        FreeTrial now = after.freeTrial();
        if (was == null || now == null) {
            if (was != null || now != null) {
                fields.add(
                        new FieldChange("freeTrial", was == null ? null : trial(was), now == null ? null : trial(now)));
            }
        } else {
            fields.addAll(diff("freeTrial.", trialFields(was), trialFields(now)));
        }
        fields.addAll(diffItems(before.items(), after.items()));
        return fields;
    }

    /** {@code 14 days, card required}, {@code 1 month, no card}. */
    static String trial(FreeTrial trial) {
        return Format.duration(trial) + (trial.cardRequired() ? ", card required" : ", no card");
    }

    private static Map<String, String> trialFields(FreeTrial trial) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("duration", Format.duration(trial));
        fields.put("cardRequired", Boolean.toString(trial.cardRequired()));
        return fields;
    }

    // Items

    /**
     * Matches items as a multiset and returns what changed, the fixed price first, then items by label:
     *
     * <ol>
     *   <li>identical items (same key, same fields) are unchanged, whatever their order;
     *   <li>items with the same key (feature id + reset cycle + entity feature; the billing cycle for the fixed price)
     *       are changed in place, field by field;
     *   <li>a feature that has exactly one unmatched item on each side is changed too (its reset or entity changed);
     *   <li>the rest are added or removed.
     * </ol>
     */
    static List<FieldChange> diffItems(List<Item> beforeItems, List<Item> afterItems) {
        List<ItemView> before = views(beforeItems);
        List<ItemView> after = views(afterItems);
        List<ItemView> oldOnes = new ArrayList<>(before);
        List<ItemView> newOnes = new ArrayList<>(after);
        for (ItemView item : after) {
            for (ItemView candidate : oldOnes) {
                if (candidate.key().equals(item.key()) && candidate.fields.equals(item.fields)) {
                    oldOnes.remove(candidate);
                    newOnes.remove(item);
                    break;
                }
            }
        }
        List<ItemView[]> pairs = new ArrayList<>();
        for (ItemView item : List.copyOf(newOnes)) {
            for (ItemView candidate : oldOnes) {
                if (candidate.key().equals(item.key())) {
                    pairs.add(new ItemView[] {candidate, item});
                    oldOnes.remove(candidate);
                    newOnes.remove(item);
                    break;
                }
            }
        }
        for (ItemView item : List.copyOf(newOnes)) {
            List<ItemView> sameNew = withFeature(newOnes, item.featureId);
            List<ItemView> sameOld = withFeature(oldOnes, item.featureId);
            if (sameNew.size() == 1 && sameOld.size() == 1) {
                pairs.add(new ItemView[] {sameOld.get(0), item});
                oldOnes.remove(sameOld.get(0));
                newOnes.remove(item);
            }
        }
        List<Labelled> changes = new ArrayList<>();
        for (ItemView[] pair : pairs) {
            String label = pair[1].label(ambiguous(pair[1], before, after));
            changes.add(new Labelled(pair[1], label, diff(label + ".", pair[0].fields, pair[1].fields)));
        }
        for (ItemView item : newOnes) {
            String label = item.label(ambiguous(item, before, after));
            changes.add(new Labelled(item, label, List.of(new FieldChange(label, null, item.summary))));
        }
        for (ItemView item : oldOnes) {
            String label = item.label(ambiguous(item, before, after));
            changes.add(new Labelled(item, label, List.of(new FieldChange(label, item.summary, null))));
        }
        changes.sort(
                Comparator.comparing((Labelled l) -> l.item.featureId != null).thenComparing(l -> l.label));
        List<FieldChange> result = new ArrayList<>();
        for (Labelled labelled : changes) {
            result.addAll(labelled.fields);
        }
        return result;
    }

    private record Labelled(ItemView item, String label, List<FieldChange> fields) {}

    private static List<ItemView> withFeature(List<ItemView> items, String featureId) {
        List<ItemView> result = new ArrayList<>();
        for (ItemView item : items) {
            if (Objects.equals(item.featureId, featureId)) {
                result.add(item);
            }
        }
        return result;
    }

    /** A label needs its reset when the feature has more than one item on either side. */
    private static boolean ambiguous(ItemView item, List<ItemView> before, List<ItemView> after) {
        return withFeature(before, item.featureId).size() > 1
                || withFeature(after, item.featureId).size() > 1;
    }

    private static List<ItemView> views(List<Item> items) {
        List<ItemView> views = new ArrayList<>();
        for (Item item : items) {
            views.add(view(item));
        }
        return views;
    }

    /** One item: its matching key, its fields and a one-line summary. */
    static final class ItemView {
        final String featureId; // null for the fixed price
        final String resetKey;
        final String entityId;
        final Map<String, String> fields;
        final String summary;

        ItemView(String featureId, String resetKey, String entityId, Map<String, String> fields, String summary) {
            this.featureId = featureId;
            this.resetKey = resetKey;
            this.entityId = entityId;
            this.fields = fields;
            this.summary = summary;
        }

        String key() {
            return featureId + "|" + resetKey + "|" + entityId;
        }

        String label(boolean ambiguous) {
            String qualifier = ambiguous ? "@" + resetKey + (entityId == null ? "" : "," + entityId) : "";
            return featureId == null ? "price" + qualifier : "items[" + featureId + qualifier + "]";
        }
    }

    static ItemView view(Item item) {
        if (item instanceof PriceItem) {
            PriceItem price = (PriceItem) item;
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("amount", Format.money(price.amount()));
            fields.put("interval", Format.cycle(price.billing()));
            return new ItemView(
                    null,
                    Format.cycle(price.billing()),
                    null,
                    fields,
                    Format.money(price.amount()) + " " + Format.per(price.billing()));
        }
        if (item instanceof FeatureItem) {
            return featureItem((FeatureItem) item);
        }
        return pricedItem((PricedFeatureItem) item);
    }

    private static ItemView featureItem(FeatureItem item) {
        Map<String, String> fields = new LinkedHashMap<>();
        boolean isBoolean = item.feature().type() == FeatureType.BOOLEAN;
        String included = item.isUnlimited() ? "unlimited" : Format.count(item.included());
        if (!isBoolean) {
            fields.put("included", included);
        }
        put(fields, "reset", item.reset() == null ? null : Format.cycle(item.reset()));
        String entity =
                item.entityFeature() == null ? null : item.entityFeature().id();
        put(fields, "entity", entity);
        String summary;
        if (isBoolean) {
            summary = "granted";
        } else if (item.isUnlimited() || item.reset() == null) {
            summary = included;
        } else if (item.reset().isOneOff()) {
            summary = included + ", never resets";
        } else {
            summary = included + " " + Format.per(item.reset());
        }
        if (entity != null) {
            summary += ", per entity " + entity;
        }
        String resetKey = item.reset() == null ? "none" : Format.cycle(item.reset());
        return new ItemView(item.feature().id(), resetKey, entity, fields, summary);
    }

    private static ItemView pricedItem(PricedFeatureItem item) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("included", Format.count(item.included()));
        List<String> summary = new ArrayList<>();
        String units = item.billingUnits() == 1 ? null : Format.count(item.billingUnits());
        if (item.price() instanceof PerUnitPrice) {
            String amount = Format.money(((PerUnitPrice) item.price()).amount());
            fields.put("price", amount);
            summary.add(amount + (units == null ? " each" : " per " + units));
        } else {
            TieredPrice tiered = (TieredPrice) item.price();
            String behaviour = tiered.behavior() == TierBehavior.VOLUME ? "volume" : "graduated";
            fields.put("tierBehavior", behaviour);
            List<String> tiers = new ArrayList<>();
            for (int i = 0; i < tiered.tiers().size(); i++) {
                String tier = tier(tiered.tiers().get(i));
                fields.put("tiers[" + i + "]", tier);
                tiers.add(tier);
            }
            summary.add(behaviour + " tiers" + (units == null ? "" : " per " + units) + " (" + String.join("; ", tiers)
                    + ")");
        }
        fields.put("billingUnits", Format.count(item.billingUnits()));
        String method = item.billingMethod() == BillingMethod.PREPAID ? "prepaid" : "pay-per-use";
        fields.put("billingMethod", method);
        summary.add(method);
        fields.put("billing", Format.cycle(item.billing()));
        summary.add("billed " + Format.every(item.billing()));
        Cycle reset = item.effectiveReset();
        if (!reset.equals(item.billing())) {
            fields.put("reset", Format.cycle(reset));
            summary.add(reset.isOneOff() ? "never resets" : "resets " + Format.every(reset));
        }
        if (item.maxPurchase() != null) {
            fields.put("maxPurchase", Format.count(item.maxPurchase()));
            summary.add("max " + Format.count(item.maxPurchase()));
        }
        if (item.rollover() != null) {
            fields.put("rollover", rollover(item.rollover()));
            summary.add("rollover " + rollover(item.rollover()));
        }
        String entity =
                item.entityFeature() == null ? null : item.entityFeature().id();
        put(fields, "entity", entity);
        if (entity != null) {
            summary.add("per entity " + entity);
        }
        String text = String.join(", ", summary);
        if (item.included() > 0) {
            text = Format.count(item.included()) + " included, then " + text;
        }
        return new ItemView(item.feature().id(), Format.cycle(reset), entity, fields, text);
    }

    /** {@code up to 10,000 at $0.01}, {@code rest at $0.005}, with {@code + $20 flat} when set. */
    private static String tier(Tier tier) {
        String text = (tier.upTo() == null ? "rest" : "up to " + Format.count(tier.upTo())) + " at "
                + Format.money(tier.amount());
        return tier.flatAmount() == null ? text : text + " + " + Format.money(tier.flatAmount()) + " flat";
    }

    /** {@code up to 500 for 1 month}, {@code up to 50% forever}. */
    private static String rollover(Rollover rollover) {
        String cap;
        if (rollover.max() != null) {
            cap = "up to " + Format.count(rollover.max());
        } else if (rollover.maxPercentage() != null) {
            cap = "up to " + Format.decimal(rollover.maxPercentage()) + "%";
        } else {
            cap = "all";
        }
        if (rollover.isForever()) {
            return cap + " forever";
        }
        return cap + " for " + rollover.months() + (rollover.months() == 1 ? " month" : " months");
    }

    // Generic maps

    private static void put(Map<String, String> fields, String path, String value) {
        if (value != null) {
            fields.put(path, value);
        }
    }

    private static List<FieldChange> created(Map<String, String> fields) {
        List<FieldChange> result = new ArrayList<>();
        fields.forEach((path, value) -> result.add(new FieldChange(path, null, value)));
        return result;
    }

    /** Every path whose value differs, in the order of {@code after} and then of {@code before}. */
    private static List<FieldChange> diff(String prefix, Map<String, String> before, Map<String, String> after) {
        Set<String> paths = new LinkedHashSet<>(after.keySet());
        paths.addAll(before.keySet());
        List<FieldChange> result = new ArrayList<>();
        for (String path : paths) {
            String was = before.get(path);
            String now = after.get(path);
            if (!Objects.equals(was, now)) {
                result.add(new FieldChange(prefix + path, was, now));
            }
        }
        return result;
    }

    /** Ids of the features an item uses: its feature and its entity feature. */
    static List<String> featureIds(Item item) {
        List<String> ids = new ArrayList<>(2);
        if (item instanceof FeatureItem) {
            FeatureItem featureItem = (FeatureItem) item;
            ids.add(featureItem.feature().id());
            if (featureItem.entityFeature() != null) {
                ids.add(featureItem.entityFeature().id());
            }
        } else if (item instanceof PricedFeatureItem) {
            PricedFeatureItem priced = (PricedFeatureItem) item;
            ids.add(priced.feature().id());
            if (priced.entityFeature() != null) {
                ids.add(priced.entityFeature().id());
            }
        }
        return ids;
    }

    /** How many items of {@code product} have {@code featureId} as their feature (not as entity). */
    static int itemCount(Product product, String featureId) {
        int count = 0;
        for (Item item : product.items()) {
            if (item.feature() != null && item.feature().id().equals(featureId)) {
                count++;
            }
        }
        return count;
    }

    /** {@code true} when an item of {@code product} has {@code featureId} as its entity feature. */
    static boolean usesAsEntity(Product product, String featureId) {
        for (Item item : product.items()) {
            List<String> ids = featureIds(item);
            if (ids.size() == 2 && ids.get(1).equals(featureId)) {
                return true;
            }
        }
        return false;
    }
}
