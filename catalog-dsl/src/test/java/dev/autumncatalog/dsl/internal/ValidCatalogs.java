package dev.autumncatalog.dsl.internal;

import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.dsl.Autumn.rollover;

import dev.autumncatalog.dsl.BillingMethod;
import dev.autumncatalog.dsl.BooleanFeature;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogPart;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.CreditSystem;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.FeatureType;
import dev.autumncatalog.dsl.FreeTrial;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.MeteredFeature;
import dev.autumncatalog.dsl.OnDecrease;
import dev.autumncatalog.dsl.OnIncrease;
import dev.autumncatalog.dsl.PerUnitPrice;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.dsl.Proration;
import dev.autumncatalog.dsl.Rollover;
import dev.autumncatalog.dsl.Tier;
import dev.autumncatalog.dsl.TierBehavior;
import dev.autumncatalog.dsl.TieredPrice;
import dev.autumncatalog.dsl.UsagePrice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Arbitraries of valid catalogs: every feature kind, credit systems, fixed prices, allowances, unlimited items,
 * prepaid and pay-per-use usage prices with tiers (graduated and volume), resets, rollovers, prorations, entities,
 * trials, default products, groups and add-ons. Each product bills on one interval (or one-off), uses each feature at
 * most once, and gets a trial or the default flag only where the rules allow it.
 */
final class ValidCatalogs {
    static final List<Cycle> BILLING = List.of(
            Cycle.of(Interval.WEEK),
            Cycle.every(2, Interval.WEEK),
            Cycle.of(Interval.MONTH),
            Cycle.every(3, Interval.MONTH),
            Cycle.of(Interval.QUARTER),
            Cycle.of(Interval.SEMI_ANNUAL),
            Cycle.of(Interval.YEAR));
    static final List<Cycle> RESETS = List.of(
            Cycle.every(15, Interval.MINUTE),
            Cycle.of(Interval.HOUR),
            Cycle.of(Interval.DAY),
            Cycle.of(Interval.WEEK),
            Cycle.of(Interval.MONTH),
            Cycle.every(3, Interval.MONTH),
            Cycle.of(Interval.YEAR),
            Cycle.ONE_OFF);
    static final List<Rollover> ROLLOVERS = List.of(
            rollover().upTo(500).forMonths(1),
            rollover().upToPercent(50).forever(),
            rollover().upTo(1).forever(),
            rollover().forMonths(3));
    static final List<String> FIXED_PRICES = List.of("1", "5", "9.99", "20", "0.5", "249");
    static final List<String> UNIT_PRICES = List.of("0.001", "0.01", "1", "10", "2.5");
    static final List<String> TIER_PRICES = List.of("0", "0.01", "0.5", "3");
    static final List<String> FLATS = List.of("0", "10", "25.5");
    static final List<String> COSTS = List.of("1", "0.01", "2", "0.5", "12.75");

    private ValidCatalogs() {}

    /** A valid catalog of 1 to 5 products over 1 to 9 features. */
    static Arbitrary<Catalog> catalogs() {
        return features()
                .flatMap(features -> Arbitraries.integers()
                        .between(1, 5)
                        .flatMap(count -> Combinators.combine(IntStream.range(0, count)
                                        .mapToObj(i -> spec(i, features))
                                        .collect(Collectors.toList()))
                                .as(specs -> build(features, specs))));
    }

    // Features

    private static Arbitrary<List<Feature>> features() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 2))
                .flatAs((singles, continuous, flags, credits) -> {
                    List<Feature> base = new ArrayList<>();
                    List<Feature> singleUse = new ArrayList<>();
                    for (int i = 0; i < singles; i++) {
                        Feature feature = new MeteredFeature("calls_" + i, "Calls " + i, true);
                        singleUse.add(feature);
                        base.add(feature);
                    }
                    for (int i = 0; i < continuous; i++) {
                        base.add(new MeteredFeature("seats-" + i, "Seats " + i, false));
                    }
                    for (int i = 0; i < flags; i++) {
                        base.add(new BooleanFeature("flag" + i, "Flag " + i));
                    }
                    if (credits == 0) {
                        return Arbitraries.just(base);
                    }
                    List<Arbitrary<Feature>> creditSystems = new ArrayList<>();
                    for (int i = 0; i < credits; i++) {
                        creditSystems.add(creditSystem(i, singleUse));
                    }
                    return Combinators.combine(creditSystems).as(systems -> {
                        List<Feature> all = new ArrayList<>(base);
                        all.addAll(systems);
                        return all;
                    });
                });
    }

    private static Arbitrary<Feature> creditSystem(int index, List<Feature> singleUse) {
        return Arbitraries.subsetOf(singleUse)
                .ofMinSize(1)
                .flatMap(targets -> Arbitraries.of(COSTS)
                        .list()
                        .ofSize(targets.size())
                        .map(costs -> {
                            List<Feature> ordered = inOrder(singleUse, targets);
                            List<CreditCost> schema = new ArrayList<>();
                            for (int i = 0; i < ordered.size(); i++) {
                                schema.add(new CreditCost(ordered.get(i), new BigDecimal(costs.get(i))));
                            }
                            return new CreditSystem("credits_" + index, "Credits " + index, schema);
                        }));
    }

    // Products

    /** What the generator chose for one product, before the rules on trials and defaults are applied. */
    private record Spec(
            int index,
            PriceItem price,
            List<Item> items,
            FreeTrial trial,
            boolean wantsDefault,
            String group,
            boolean addOn,
            String description) {}

    private static Arbitrary<Spec> spec(int index, List<Feature> features) {
        List<Feature> entities = features.stream()
                .filter(f -> f.type() == FeatureType.CONTINUOUS_USE)
                .collect(Collectors.toList());
        return Arbitraries.of(BILLING)
                .flatMap(billing -> Combinators.combine(
                                fixedPrice(billing),
                                items(features, billing, entities),
                                trial(),
                                Arbitraries.of(true, false),
                                Arbitraries.of("", "main", "teams"),
                                Arbitraries.of(false, false, true),
                                Arbitraries.of("", "A plan for tests"))
                        .as((price, items, trial, wantsDefault, group, addOn, description) ->
                                new Spec(index, price, items, trial, wantsDefault, group, addOn, description)));
    }

    private static Arbitrary<PriceItem> fixedPrice(Cycle billing) {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(FIXED_PRICES))
                .as((kind, amount) ->
                        kind == 0 ? null : new PriceItem(new BigDecimal(amount), kind == 1 ? billing : Cycle.ONE_OFF));
    }

    private static Arbitrary<FreeTrial> trial() {
        return Combinators.combine(
                        Arbitraries.integers().between(1, 30),
                        Arbitraries.of(FreeTrial.Unit.class),
                        Arbitraries.of(true, false))
                .as(FreeTrial::new)
                .injectNull(0.4);
    }

    private static Arbitrary<List<Item>> items(List<Feature> features, Cycle billing, List<Feature> entities) {
        return Arbitraries.subsetOf(features).flatMap(chosen -> {
            if (chosen.isEmpty()) {
                return Arbitraries.just(List.<Item>of());
            }
            return Combinators.combine(inOrder(features, chosen).stream()
                            .map(feature -> item(feature, billing, entities))
                            .collect(Collectors.toList()))
                    .as(items -> items);
        });
    }

    private static Arbitrary<Item> item(Feature feature, Cycle billing, List<Feature> entities) {
        FeatureType type = feature.type();
        if (type == FeatureType.BOOLEAN) {
            return Arbitraries.just(featureItem(feature));
        }
        if (type == FeatureType.CONTINUOUS_USE) {
            return Arbitraries.oneOf(
                    Arbitraries.longs()
                            .between(0, 50)
                            .map(n -> featureItem(feature).included(n)),
                    Arbitraries.just(featureItem(feature).unlimited()),
                    prepaid(feature, billing),
                    payPerUse(feature, billing));
        }
        Arbitrary<Item> consumable = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.longs().between(1, 100_000), Arbitraries.of(RESETS))
                        .as((included, reset) -> withReset(featureItem(feature).included(included), reset)),
                Arbitraries.just(featureItem(feature).unlimited()),
                prepaid(feature, billing),
                payPerUse(feature, billing));
        if (entities.isEmpty()) {
            return consumable;
        }
        return Combinators.combine(consumable, Arbitraries.integers().between(-2, entities.size() - 1))
                .as((item, entity) -> entity < 0 ? item : perEntity(item, entities.get(entity)));
    }

    private static Arbitrary<Item> prepaid(Feature feature, Cycle billing) {
        boolean consumable = feature.type().isConsumable();
        return Combinators.combine(
                        Arbitraries.longs().between(0, 1_000),
                        Arbitraries.of(billing, Cycle.ONE_OFF),
                        Arbitraries.of(1L, 1L, 100L, 1_000L),
                        Arbitraries.longs().between(1, 100_000).injectNull(0.6),
                        proration(),
                        Arbitraries.of(ROLLOVERS).injectNull(0.6),
                        consumable ? Arbitraries.of(RESETS).injectNull(0.6) : Arbitraries.just((Cycle) null))
                .flatAs((included, cycle, units, max, proration, rollover, reset) -> usagePrice(included, true)
                        .map(price -> new PricedFeatureItem(
                                feature,
                                included,
                                price,
                                units,
                                BillingMethod.PREPAID,
                                cycle,
                                reset,
                                max,
                                rollover,
                                proration,
                                null)));
    }

    private static Arbitrary<Item> payPerUse(Feature feature, Cycle billing) {
        boolean consumable = feature.type().isConsumable();
        return Combinators.combine(
                        Arbitraries.longs().between(0, 10_000),
                        Arbitraries.of(1L, 1L, 1_000L),
                        Arbitraries.longs().between(1, 100_000).injectNull(0.6),
                        consumable ? Arbitraries.of(ROLLOVERS).injectNull(0.7) : Arbitraries.just((Rollover) null),
                        Arbitraries.of(consumable, false))
                .flatAs((included, units, max, rollover, explicitReset) -> usagePrice(included, false)
                        .map(price -> new PricedFeatureItem(
                                feature,
                                included,
                                price,
                                units,
                                BillingMethod.PAY_PER_USE,
                                billing,
                                explicitReset ? billing : null,
                                max,
                                rollover,
                                null,
                                null)));
    }

    private static Arbitrary<Proration> proration() {
        List<OnIncrease> increases =
                List.of(OnIncrease.PRORATE_IMMEDIATELY, OnIncrease.PRORATE_NEXT_CYCLE, OnIncrease.BILL_NEXT_CYCLE);
        return Combinators.combine(Arbitraries.of(increases), Arbitraries.of(OnDecrease.class))
                .as(Proration::new)
                .injectNull(0.6);
    }

    private static Arbitrary<UsagePrice> usagePrice(long included, boolean volumeAllowed) {
        List<Arbitrary<UsagePrice>> choices = new ArrayList<>();
        choices.add(Arbitraries.of(UNIT_PRICES).map(amount -> new PerUnitPrice(new BigDecimal(amount))));
        choices.add(tiers(included, TierBehavior.GRADUATED));
        if (volumeAllowed) {
            choices.add(tiers(included, TierBehavior.VOLUME));
        }
        return Arbitraries.oneOf(choices);
    }

    /** Two to four tiers, ascending from above included usage, the last one unbounded. */
    private static Arbitrary<UsagePrice> tiers(long included, TierBehavior behavior) {
        return Arbitraries.integers()
                .between(2, 4)
                .flatMap(count -> Combinators.combine(
                                Arbitraries.longs().between(1, 5_000).list().ofSize(count - 1),
                                Arbitraries.of(TIER_PRICES).list().ofSize(count),
                                behavior == TierBehavior.VOLUME
                                        ? Arbitraries.of(FLATS).list().ofSize(count)
                                        : Arbitraries.just(List.of()))
                        .as((steps, amounts, flats) -> {
                            List<Tier> tiers = new ArrayList<>();
                            long upTo = included;
                            for (int i = 0; i < count; i++) {
                                boolean last = i == count - 1;
                                if (!last) {
                                    upTo += steps.get(i);
                                }
                                tiers.add(new Tier(
                                        last ? null : upTo,
                                        new BigDecimal(amounts.get(i)),
                                        flats.isEmpty() ? null : new BigDecimal(flats.get(i))));
                            }
                            return new TieredPrice(tiers, behavior);
                        }));
    }

    // Assembly

    private static Catalog build(List<Feature> features, List<Spec> specs) {
        Set<String> freeDefaults = new HashSet<>();
        Set<String> trialDefaults = new HashSet<>();
        List<CatalogPart> parts = new ArrayList<>(features);
        for (Spec spec : specs) {
            Product product = product("plan_" + spec.index())
                    .name("Plan " + spec.index())
                    .description(spec.description())
                    .group(spec.group());
            if (spec.addOn()) {
                product = product.addOn();
            }
            if (spec.price() != null) {
                product = product.item(spec.price());
            }
            for (Item item : spec.items()) {
                product = product.item(item);
            }
            if (spec.trial() != null && billsOnAnInterval(product)) {
                product = product.freeTrial(spec.trial());
            }
            if (spec.wantsDefault()) {
                FreeTrial trial = product.freeTrial();
                if (product.isFree() && freeDefaults.add(spec.group())) {
                    product = product.defaultProduct();
                } else if (!product.isFree()
                        && trial != null
                        && !trial.cardRequired()
                        && trialDefaults.add(spec.group())) {
                    product = product.defaultProduct();
                }
            }
            parts.add(product);
        }
        return Catalog.of(parts.toArray(new CatalogPart[0]));
    }

    private static boolean billsOnAnInterval(Product product) {
        for (Item item : product.items()) {
            if (item instanceof PriceItem && !((PriceItem) item).billing().isOneOff()) {
                return true;
            }
            if (item instanceof PricedFeatureItem
                    && !((PricedFeatureItem) item).billing().isOneOff()) {
                return true;
            }
        }
        return false;
    }

    private static Item withReset(FeatureItem item, Cycle reset) {
        return reset.isOneOff() ? item.noReset() : item.resetEvery(reset.count(), reset.interval());
    }

    private static Item perEntity(Item item, Feature entity) {
        if (item instanceof FeatureItem) {
            return ((FeatureItem) item).perEntity(entity);
        }
        return ((PricedFeatureItem) item).perEntity(entity);
    }

    private static List<Feature> inOrder(List<Feature> all, Set<Feature> chosen) {
        return all.stream().filter(chosen::contains).collect(Collectors.toList());
    }
}
