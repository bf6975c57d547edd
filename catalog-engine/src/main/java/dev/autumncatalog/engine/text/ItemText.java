package dev.autumncatalog.engine.text;

import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.FeatureType;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.PerUnitPrice;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.TieredPrice;
import dev.autumncatalog.engine.model.ItemVisitor;
import dev.autumncatalog.engine.model.UsagePriceVisitor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A whole item in one line, the same in the plan ({@code items[api_calls]: 10,000 per month}) and in the Javadoc of
 * generated constants; only the way another feature is named differs (its id, or a Javadoc link).
 *
 * <pre>{@code
 * ItemText.summary(featureItem(API_CALLS).included(10_000).monthly(), Feature::id)   // 10,000 per month
 * ItemText.summary(priceItem(20).monthly(), Feature::id)                             // $20 per month
 * }</pre>
 */
public final class ItemText {
    private ItemText() {}

    /**
     * {@code $20 per month}, {@code 10,000 per month}, {@code unlimited}, {@code granted}, {@code 1,000, never resets},
     * {@code 1,000 included, then $0.01 each, pay-per-use, billed every month}.
     *
     * @param reference how an entity feature is named: its id in a plan, a link in Javadoc
     */
    public static String summary(Item item, Function<Feature, String> reference) {
        return ItemVisitor.visit(item, new ItemVisitor<String>() {
            @Override
            public String priceItem(PriceItem item) {
                return price(item);
            }

            @Override
            public String featureItem(FeatureItem item) {
                return ItemText.featureItem(item, reference);
            }

            @Override
            public String pricedFeatureItem(PricedFeatureItem item) {
                return ItemText.pricedFeatureItem(item, reference);
            }
        });
    }

    /** {@code $20 per month}, {@code $99.90 every 3 months}, {@code $5 once}. */
    public static String price(PriceItem item) {
        return Words.money(item.amount()) + " " + Words.per(item.billing());
    }

    private static String featureItem(FeatureItem item, Function<Feature, String> reference) {
        String text;
        if (item.feature().type() == FeatureType.BOOLEAN) {
            text = "granted";
        } else if (item.isUnlimited()) {
            text = "unlimited";
        } else {
            text = Words.allowance(item.included(), item.reset());
        }
        return item.entityFeature() == null ? text : text + ", per entity " + reference.apply(item.entityFeature());
    }

    private static String pricedFeatureItem(PricedFeatureItem item, Function<Feature, String> reference) {
        List<String> parts = new ArrayList<>();
        String units = item.billingUnits() == 1 ? null : Words.count(item.billingUnits());
        parts.add(UsagePriceVisitor.visit(item.price(), new UsagePriceVisitor<String>() {
            @Override
            public String perUnit(PerUnitPrice price) {
                return Words.money(price.amount()) + (units == null ? " each" : " per " + units);
            }

            @Override
            public String tiered(TieredPrice price) {
                List<String> tiers = new ArrayList<>();
                price.tiers().forEach(tier -> tiers.add(Words.tier(tier)));
                return Words.tierBehavior(price.behavior()) + " tiers" + (units == null ? "" : " per " + units) + " ("
                        + String.join("; ", tiers) + ")";
            }
        }));
        parts.add(Words.billingMethod(item.billingMethod()));
        parts.add("billed " + Words.every(item.billing()));
        Cycle reset = item.effectiveReset();
        if (!reset.equals(item.billing())) {
            parts.add(Words.resets(reset));
        }
        if (item.maxPurchase() != null) {
            parts.add("max " + Words.count(item.maxPurchase()));
        }
        if (item.rollover() != null) {
            parts.add("rollover " + Words.rollover(item.rollover()));
        }
        if (item.entityFeature() != null) {
            parts.add("per entity " + reference.apply(item.entityFeature()));
        }
        String text = String.join(", ", parts);
        return item.included() > 0 ? Words.count(item.included()) + " included, then " + text : text;
    }
}
