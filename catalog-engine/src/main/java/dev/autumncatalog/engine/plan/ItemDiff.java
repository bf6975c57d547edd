package dev.autumncatalog.engine.plan;

import dev.autumncatalog.dsl.BillingMethod;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.FeatureType;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.PerUnitPrice;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Rollover;
import dev.autumncatalog.dsl.Tier;
import dev.autumncatalog.dsl.TieredPrice;
import dev.autumncatalog.engine.model.ItemVisitor;
import dev.autumncatalog.engine.model.UsagePriceVisitor;
import dev.autumncatalog.engine.text.Words;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the items of two versions of a plan as a multiset, field by field, with typed values:
 *
 * <ol>
 *   <li>identical items (same key, same fields) are unchanged, whatever their order;
 *   <li>items with the same key (feature id + reset cycle + entity feature; the billing cycle for the fixed price) are
 *       changed in place, field by field;
 *   <li>a feature that has exactly one unmatched item on each side is changed too (its reset or entity changed);
 *   <li>the rest are added or removed, shown whole.
 * </ol>
 *
 * Changes come out with the fixed price first, then items by label: {@code items[api_calls]}, or {@code
 * items[api_calls@month]} when the feature has several items on either side, or {@code items[api_calls@month#prepaid]}
 * when two of them also share reset and entity (a free grant beside a prepaid pack, say: the kind is {@code unpriced},
 * {@code prepaid} or {@code pay-per-use}).
 */
final class ItemDiff {
    private ItemDiff() {}

    /** A new plan's items, in catalog order, each shown whole. */
    static List<FieldChange> created(List<Item> items) {
        List<ItemView> views = views(items);
        List<FieldChange> fields = new ArrayList<>();
        for (ItemView item : views) {
            fields.add(new FieldChange(item.label(ambiguous(item, views, List.of())), null, item.whole));
        }
        return fields;
    }

    /** What changed between two item lists; empty when they hold the same items in any order. */
    static List<FieldChange> diff(List<Item> beforeItems, List<Item> afterItems) {
        List<ItemView> before = views(beforeItems);
        List<ItemView> after = views(afterItems);
        List<ItemView> oldOnes = new ArrayList<>(before);
        List<ItemView> newOnes = new ArrayList<>(after);
        for (ItemView item : after) {
            for (ItemView candidate : oldOnes) {
                if (candidate.key.equals(item.key) && candidate.fields.equals(item.fields)) {
                    oldOnes.remove(candidate);
                    newOnes.remove(item);
                    break;
                }
            }
        }
        List<ItemView[]> pairs = new ArrayList<>();
        for (ItemView item : List.copyOf(newOnes)) {
            for (ItemView candidate : oldOnes) {
                if (candidate.key.equals(item.key)) {
                    pairs.add(new ItemView[] {candidate, item});
                    oldOnes.remove(candidate);
                    newOnes.remove(item);
                    break;
                }
            }
        }
        for (ItemView item : List.copyOf(newOnes)) {
            List<ItemView> sameNew = withFeature(newOnes, item.key.featureId());
            List<ItemView> sameOld = withFeature(oldOnes, item.key.featureId());
            if (sameNew.size() == 1 && sameOld.size() == 1) {
                pairs.add(new ItemView[] {sameOld.get(0), item});
                oldOnes.remove(sameOld.get(0));
                newOnes.remove(item);
            }
        }
        List<Labelled> changes = new ArrayList<>();
        for (ItemView[] pair : pairs) {
            String label = pair[1].label(ambiguous(pair[1], before, after));
            changes.add(new Labelled(pair[1], label, Views.diff(label + ".", pair[0].fields, pair[1].fields)));
        }
        for (ItemView item : newOnes) {
            String label = item.label(ambiguous(item, before, after));
            changes.add(new Labelled(item, label, List.of(new FieldChange(label, null, item.whole))));
        }
        for (ItemView item : oldOnes) {
            String label = item.label(ambiguous(item, before, after));
            changes.add(new Labelled(item, label, List.of(new FieldChange(label, item.whole, null))));
        }
        changes.sort(Comparator.comparing((Labelled l) -> l.item.key.featureId() != null)
                .thenComparing(l -> l.label));
        List<FieldChange> result = new ArrayList<>();
        for (Labelled labelled : changes) {
            result.addAll(labelled.fields);
        }
        return result;
    }

    private record Labelled(ItemView item, String label, List<FieldChange> fields) {}

    /**
     * What matches an item with its other version: its feature (none for the fixed price), its reset cycle ({@code
     * null} when it has none; the billing cycle for the fixed price) and its entity feature.
     */
    private record Key(String featureId, Cycle reset, String entityId, String kind) {
        /** The key without its kind: what labels show first. */
        Key place() {
            return new Key(featureId, reset, entityId, null);
        }
    }

    /** One item: its matching key, its fields and its whole value. */
    private static final class ItemView {
        final Key key;
        final Map<String, Value> fields;
        final Value whole;

        ItemView(Key key, Map<String, Value> fields, Item item) {
            this.key = key;
            this.fields = fields;
            this.whole = new Value.WholeItem(item);
        }

        /**
         * {@code price}, {@code items[api_calls]}, with the reset when ambiguous: {@code items[api_calls@month]}, and
         * the kind when even that is: {@code items[api_calls@month#prepaid]}.
         */
        String label(Ambiguity ambiguity) {
            String reset = key.reset() == null ? "none" : Words.cycle(key.reset());
            String qualifier = ambiguity == Ambiguity.NONE
                    ? ""
                    : "@" + reset + (key.entityId() == null ? "" : "," + key.entityId());
            if (ambiguity == Ambiguity.PLACE) {
                qualifier += "#" + key.kind();
            }
            return key.featureId() == null ? "price" + qualifier : "items[" + key.featureId() + qualifier + "]";
        }
    }

    /** How much a label must say: nothing, the reset (and entity), or also the kind. */
    private enum Ambiguity {
        NONE,
        FEATURE,
        PLACE
    }

    private static List<ItemView> withFeature(List<ItemView> items, String featureId) {
        List<ItemView> result = new ArrayList<>();
        for (ItemView item : items) {
            if (Objects.equals(item.key.featureId(), featureId)) {
                result.add(item);
            }
        }
        return result;
    }

    /**
     * A label needs its reset when the feature has more than one item on either side, and its kind when more than one
     * item on either side has its feature, reset and entity.
     */
    private static Ambiguity ambiguous(ItemView item, List<ItemView> before, List<ItemView> after) {
        if (samePlace(before, item) > 1 || samePlace(after, item) > 1) {
            return Ambiguity.PLACE;
        }
        return withFeature(before, item.key.featureId()).size() > 1
                        || withFeature(after, item.key.featureId()).size() > 1
                ? Ambiguity.FEATURE
                : Ambiguity.NONE;
    }

    private static int samePlace(List<ItemView> items, ItemView item) {
        int count = 0;
        for (ItemView other : items) {
            if (other.key.place().equals(item.key.place())) {
                count++;
            }
        }
        return count;
    }

    private static List<ItemView> views(List<Item> items) {
        List<ItemView> views = new ArrayList<>();
        for (Item item : items) {
            views.add(ItemVisitor.visit(item, VIEW));
        }
        return views;
    }

    private static final ItemVisitor<ItemView> VIEW = new ItemVisitor<>() {
        @Override
        public ItemView priceItem(PriceItem item) {
            Map<String, Value> fields = new LinkedHashMap<>();
            fields.put("amount", new Value.Money(item.amount()));
            fields.put("interval", new Value.Period(item.billing()));
            return new ItemView(new Key(null, item.billing(), null, "price"), fields, item);
        }

        @Override
        public ItemView featureItem(FeatureItem item) {
            Map<String, Value> fields = new LinkedHashMap<>();
            if (item.feature().type() != FeatureType.BOOLEAN) {
                fields.put("included", new Value.Included(item.included(), item.isUnlimited()));
            }
            if (item.reset() != null) {
                fields.put("reset", new Value.Period(item.reset()));
            }
            if (item.rollover() != null) {
                fields.put("rollover", rollover(item.rollover()));
            }
            String entity =
                    item.entityFeature() == null ? null : item.entityFeature().id();
            if (entity != null) {
                fields.put("entity", new Value.FeatureRef(entity));
            }
            if (item.isPooled()) {
                fields.put("pooled", new Value.Flag(true));
            }
            return new ItemView(new Key(item.feature().id(), item.reset(), entity, "unpriced"), fields, item);
        }

        @Override
        public ItemView pricedFeatureItem(PricedFeatureItem item) {
            Map<String, Value> fields = new LinkedHashMap<>();
            // The same kind of value as a feature item's, so a feature item that becomes priced compares field by
            // field.
            fields.put("included", new Value.Included(item.included(), false));
            UsagePriceVisitor.visit(item.price(), new UsagePriceVisitor<Void>() {
                @Override
                public Void perUnit(PerUnitPrice price) {
                    fields.put("price", new Value.Money(price.amount()));
                    return null;
                }

                @Override
                public Void tiered(TieredPrice price) {
                    fields.put("tierBehavior", new Value.Behavior(price.behavior()));
                    for (int i = 0; i < price.tiers().size(); i++) {
                        Tier tier = price.tiers().get(i);
                        fields.put(
                                "tiers[" + i + "]", new Value.TierValue(tier.upTo(), tier.amount(), tier.flatAmount()));
                    }
                    return null;
                }
            });
            fields.put("billingUnits", new Value.Count(item.billingUnits()));
            fields.put("billingMethod", new Value.Method(item.billingMethod()));
            fields.put("billing", new Value.Period(item.billing()));
            Cycle reset = item.effectiveReset();
            if (!reset.equals(item.billing())) {
                fields.put("reset", new Value.Period(reset));
            }
            if (item.maxPurchase() != null) {
                fields.put("maxPurchase", new Value.Count(item.maxPurchase()));
            }
            if (item.rollover() != null) {
                fields.put("rollover", rollover(item.rollover()));
            }
            String entity =
                    item.entityFeature() == null ? null : item.entityFeature().id();
            if (entity != null) {
                fields.put("entity", new Value.FeatureRef(entity));
            }
            if (item.isPooled()) {
                fields.put("pooled", new Value.Flag(true));
            }
            String kind = item.billingMethod() == BillingMethod.PREPAID ? "prepaid" : "pay-per-use";
            return new ItemView(new Key(item.feature().id(), reset, entity, kind), fields, item);
        }
    };

    private static Value rollover(Rollover rollover) {
        return new Value.RolloverValue(rollover.max(), rollover.maxPercentage(), rollover.months());
    }
}
