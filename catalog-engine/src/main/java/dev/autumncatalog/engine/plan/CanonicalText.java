package dev.autumncatalog.engine.plan;

import dev.autumncatalog.dsl.BooleanFeature;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.CreditSystem;
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
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.autumn.RemotePlan;
import dev.autumncatalog.engine.model.FeatureVisitor;
import dev.autumncatalog.engine.model.ItemVisitor;
import dev.autumncatalog.engine.model.UsagePriceVisitor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalog written as compact, unambiguous text for {@link PlanBasis}'s fingerprints: every component of every record,
 * in declaration order, each record behind a tag of its kind, strings behind their length, {@code ~} for null. Equal
 * values give equal text, and different values different text (the records' {@code toString}, which it replaced, could
 * not promise that: a name holding {@code ", description="} could imitate the next field). It is also cheaper: the
 * first {@code toString} of each record kind bootstraps method handles, which cost a fresh JVM up to 0.35 s per push
 * at 300 plans. {@code CanonicalTextTest} changes every component reachable from both catalogs, one at
 * a time, and requires the text to change; a component added to a record fails it until it is written here.
 *
 * <p>Plain appends only: string concatenation and lambdas would bootstrap method handles again.
 */
final class CanonicalText {
    private final StringBuilder out;

    // Items hold their feature as a whole value, so 300 plans repeat a few features thousands of times. Each distinct
    // feature's text is written once, in a table at the end, and an item writes its number in that table: numbers
    // follow first mention, so the text is still a function of the value alone, and the table keeps every field.
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<Feature, Integer> known = new IdentityHashMap<>();
    private final List<String> table = new ArrayList<>();

    private CanonicalText(int capacity) {
        out = new StringBuilder(capacity);
    }

    /** The text of a desired catalog. */
    static String of(Catalog catalog) {
        CanonicalText text = new CanonicalText(4096);
        text.tag('C');
        text.out.append(catalog.features().size()).append('[');
        for (Feature feature : catalog.features()) {
            text.feature(feature);
        }
        text.out.append(catalog.products().size()).append('[');
        for (Product product : catalog.products()) {
            text.product(product);
        }
        return text.withTable();
    }

    /** The text of the catalog Autumn holds. */
    static String of(RemoteCatalog remote) {
        CanonicalText text = new CanonicalText(4096);
        text.tag('R');
        text.out.append(remote.features().size()).append('[');
        for (RemoteFeature feature : remote.features()) {
            text.tag('F');
            text.string(feature.id());
            text.feature(feature.model());
            text.bool(feature.archived());
            text.strings(feature.unsupported());
            text.strings(feature.kept());
        }
        text.out.append(remote.plans().size()).append('[');
        for (RemotePlan plan : remote.plans()) {
            text.tag('L');
            text.string(plan.id());
            text.product(plan.model());
            text.bool(plan.archived());
            text.number(plan.version());
            text.strings(plan.unsupported());
            text.strings(plan.kept());
        }
        return text.withTable();
    }

    private void product(Product product) {
        if (product == null) {
            out.append('~');
            return;
        }
        tag('p');
        string(product.id());
        string(product.name());
        string(product.description());
        string(product.group());
        bool(product.isAddOn());
        bool(product.isDefault());
        bool(product.isArchived());
        freeTrial(product.freeTrial());
        out.append(product.items().size()).append('[');
        for (Item item : product.items()) {
            item(item);
        }
    }

    private String withTable() {
        out.append(table.size()).append('[');
        for (String feature : table) {
            out.append(feature);
        }
        return out.toString();
    }

    private void feature(Feature feature) {
        if (feature == null) {
            out.append('~');
            return;
        }
        FeatureVisitor.visit(feature, features);
    }

    /** A feature an item names: its number in the table. */
    private void mention(Feature feature) {
        if (feature == null) {
            out.append('~');
            return;
        }
        Integer number = known.get(feature);
        if (number == null) {
            CanonicalText own = new CanonicalText(64);
            own.feature(feature);
            String text = own.out.toString();
            number = numbers.get(text);
            if (number == null) {
                number = table.size();
                table.add(text);
                numbers.put(text, number);
            }
            known.put(feature, number);
        }
        out.append('@').append(number.intValue()).append(',');
    }

    private final FeatureVisitor<Void> features = new FeatureVisitor<>() {
        @Override
        public Void booleanFeature(BooleanFeature feature) {
            tag('B');
            string(feature.id());
            string(feature.name());
            strings(feature.eventNames());
            bool(feature.isArchived());
            return null;
        }

        @Override
        public Void meteredFeature(MeteredFeature feature) {
            tag('M');
            string(feature.id());
            string(feature.name());
            bool(feature.consumable());
            strings(feature.eventNames());
            bool(feature.isArchived());
            return null;
        }

        @Override
        public Void creditSystem(CreditSystem feature) {
            tag('S');
            string(feature.id());
            string(feature.name());
            out.append(feature.creditSchema().size()).append('[');
            for (CreditCost cost : feature.creditSchema()) {
                tag('k');
                feature(cost.feature());
                decimal(cost.credits());
            }
            strings(feature.eventNames());
            bool(feature.isArchived());
            return null;
        }
    };

    private void item(Item item) {
        ItemVisitor.visit(item, items);
    }

    private final ItemVisitor<Void> items = new ItemVisitor<>() {
        @Override
        public Void priceItem(PriceItem item) {
            tag('P');
            decimal(item.amount());
            cycle(item.billing());
            return null;
        }

        @Override
        public Void featureItem(FeatureItem item) {
            tag('I');
            mention(item.feature());
            number(item.included());
            bool(item.isUnlimited());
            cycle(item.reset());
            mention(item.entityFeature());
            bool(item.isPooled());
            rollover(item.rollover());
            return null;
        }

        @Override
        public Void pricedFeatureItem(PricedFeatureItem item) {
            tag('Q');
            mention(item.feature());
            number(item.included());
            usagePrice(item.price());
            number(item.billingUnits());
            name(item.billingMethod());
            cycle(item.billing());
            cycle(item.reset());
            number(item.maxPurchase());
            rollover(item.rollover());
            proration(item.proration());
            mention(item.entityFeature());
            bool(item.isPooled());
            return null;
        }
    };

    private void usagePrice(UsagePrice price) {
        if (price == null) {
            out.append('~');
            return;
        }
        UsagePriceVisitor.visit(price, prices);
    }

    private final UsagePriceVisitor<Void> prices = new UsagePriceVisitor<>() {
        @Override
        public Void perUnit(PerUnitPrice price) {
            tag('U');
            decimal(price.amount());
            return null;
        }

        @Override
        public Void tiered(TieredPrice price) {
            tag('T');
            out.append(price.tiers().size()).append('[');
            for (Tier tier : price.tiers()) {
                tag('t');
                number(tier.upTo());
                decimal(tier.amount());
                decimal(tier.flatAmount());
            }
            name(price.behavior());
            return null;
        }
    };

    private void freeTrial(FreeTrial trial) {
        if (trial == null) {
            out.append('~');
            return;
        }
        tag('f');
        number(trial.length());
        name(trial.unit());
        bool(trial.cardRequired());
    }

    private void cycle(Cycle cycle) {
        if (cycle == null) {
            out.append('~');
            return;
        }
        tag('c');
        name(cycle.interval());
        number(cycle.count());
    }

    private void rollover(Rollover rollover) {
        if (rollover == null) {
            out.append('~');
            return;
        }
        tag('r');
        number(rollover.max());
        decimal(rollover.maxPercentage());
        number(rollover.months());
    }

    private void proration(Proration proration) {
        if (proration == null) {
            out.append('~');
            return;
        }
        tag('o');
        name(proration.onIncrease());
        name(proration.onDecrease());
    }

    private void tag(char kind) {
        out.append(kind);
    }

    private void strings(List<String> values) {
        out.append(values.size()).append('[');
        for (String value : values) {
            string(value);
        }
    }

    private void string(String value) {
        if (value == null) {
            out.append('~');
        } else {
            out.append(value.length()).append(':').append(value);
        }
    }

    // A BigDecimal's own text keeps its scale, so 10 and 10.00 differ here as they did in the records' text.
    private void decimal(BigDecimal value) {
        string(value == null ? null : value.toString());
    }

    private void name(Enum<?> value) {
        string(value == null ? null : value.name());
    }

    private void bool(boolean value) {
        out.append(value ? 'T' : 'F');
    }

    private void number(long value) {
        out.append(value).append(',');
    }

    private void number(Long value) {
        if (value == null) {
            out.append('~');
        } else {
            number(value.longValue());
        }
    }
}
