package dev.autumncatalog.engine.pull;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Arbitraries of valid catalogs for the pull round trip, built from one {@link Random} per catalog (jqwik keeps the
 * seed reproducible; the structure is too constrained to shrink usefully). Every construct of the DSL appears: all
 * feature kinds and credit systems; fixed prices on every billing interval, {@code every(n, …)} and one-off; feature
 * items included, unlimited, with every reset, {@code resetEvery}, {@code noReset} and per entity; priced items per
 * unit, graduated and volume tiers with flat fees, per n units, prepaid and pay-per-use, every billing cycle, explicit
 * resets, max purchase, rollovers (unit, whole and decimal percent caps, months or forever), prorations and per
 * entity; descriptions, groups, add-ons, default products and trials in days, months and years with or without card.
 * Ids collide on purpose ({@code a-b}, {@code a_b}), start with digits or are Java keywords; names hold quotes,
 * backslashes, {@code $}, line breaks, non-ASCII and text that looks like a unicode escape. Invalid catalogs (rare) are
 * filtered out with {@link Catalog#validate()}.
 */
final class PulledCatalogs {
    private static final List<String> ID_POOL = List.of(
            "api_calls",
            "api-calls",
            "apiCalls",
            "API_CALLS",
            "a-b",
            "a_b",
            "aB",
            "3d",
            "3D-renders",
            "class",
            "null",
            "true",
            "_",
            "__",
            "-",
            "x",
            "X",
            "sso",
            "credits",
            "seats",
            "Feature",
            "catalog",
            "define",
            "pro",
            "free");
    private static final String ID_CHARS = "abcxyzABC0123456789_-";
    private static final List<String> NAME_POOL = List.of(
            "API Calls",
            "Caf\u00e9 \u2265 1",
            "quote \" and \\ backslash",
            "dollar $1 $T $S $L $N",
            "new\nline and \r\n and tab\t",
            "*/ ends a comment",
            "\\u0022 looks like an escape",
            "rocket \uD83D\uDE80",
            "bell \u0007",
            "{@code x} <b>",
            "  padded  ");

    static final List<Cycle> BILLING = List.of(
            Cycle.of(Interval.WEEK),
            Cycle.every(2, Interval.WEEK),
            Cycle.of(Interval.MONTH),
            Cycle.every(3, Interval.MONTH),
            Cycle.of(Interval.QUARTER),
            Cycle.every(2, Interval.QUARTER),
            Cycle.of(Interval.SEMI_ANNUAL),
            Cycle.of(Interval.YEAR),
            Cycle.every(2, Interval.YEAR));
    static final List<Cycle> RESETS = List.of(
            Cycle.of(Interval.MINUTE),
            Cycle.every(15, Interval.MINUTE),
            Cycle.of(Interval.HOUR),
            Cycle.every(6, Interval.HOUR),
            Cycle.of(Interval.DAY),
            Cycle.every(2, Interval.DAY),
            Cycle.of(Interval.WEEK),
            Cycle.of(Interval.MONTH),
            Cycle.every(3, Interval.MONTH),
            Cycle.of(Interval.QUARTER),
            Cycle.of(Interval.SEMI_ANNUAL),
            Cycle.of(Interval.YEAR),
            Cycle.ONE_OFF);
    static final List<Rollover> ROLLOVERS = List.of(
            rollover().upTo(500).forMonths(1),
            rollover().upTo(20_000).forMonths(12),
            rollover().upToPercent(50).forever(),
            rollover().upToPercent(100).forMonths(2),
            rollover().upTo(1).forever(),
            rollover().forMonths(3),
            rollover().forever(),
            new Rollover(null, new BigDecimal("12.5"), 2),
            new Rollover(null, new BigDecimal("0.25"), 0));
    static final List<String> FIXED_PRICES =
            List.of("1", "5", "9.99", "20", "0.5", "249", "10000", "1999.99", "1234567");
    static final List<String> UNIT_PRICES = List.of("0.001", "0.01", "1", "10", "2.5", "25000", "0.00001");
    static final List<String> TIER_PRICES = List.of("0", "0.01", "0.5", "3", "12000");
    static final List<String> FLATS = List.of("0", "10", "25.5", "15000");
    static final List<String> COSTS = List.of("1", "0.01", "2", "0.5", "12.75", "1000000", "0.0001");
    static final List<Long> INCLUDED = List.of(1L, 5L, 100L, 9_999L, 10_000L, 250_000L, 3_000_000_000L);
    static final List<Long> UNITS = List.of(1L, 1L, 1L, 100L, 1_000L, 50_000L);

    private PulledCatalogs() {}

    /** A valid catalog: 1 to 9 features, 0 to 5 products. */
    static Arbitrary<Catalog> catalogs() {
        return Arbitraries.randomValue(PulledCatalogs::catalog)
                .filter(catalog -> catalog.validate().isEmpty());
    }

    /** Free text: from the pool of awkward names, or random printable and non-ASCII characters. */
    static String text(Random random) {
        if (random.nextInt(3) > 0) {
            return pick(random, NAME_POOL);
        }
        StringBuilder text = new StringBuilder("n");
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            text.append(kind == 0 ? (char) (0x00a0 + random.nextInt(0x2000)) : (char) (0x20 + random.nextInt(0x5f)));
        }
        return text.toString();
    }

    static Catalog catalog(Random random) {
        Set<String> ids = new LinkedHashSet<>();
        List<Feature> singleUse = new ArrayList<>();
        List<Feature> features = new ArrayList<>();
        int singles = 1 + random.nextInt(3);
        for (int i = 0; i < singles; i++) {
            Feature feature = new MeteredFeature(id(random, ids), text(random), true);
            singleUse.add(feature);
            features.add(feature);
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            features.add(new MeteredFeature(id(random, ids), text(random), false));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            features.add(new BooleanFeature(id(random, ids), text(random)));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            List<CreditCost> schema = new ArrayList<>();
            for (Feature target : singleUse) {
                if (schema.isEmpty() || random.nextBoolean()) {
                    schema.add(new CreditCost(target, new BigDecimal(pick(random, COSTS))));
                }
            }
            features.add(new CreditSystem(id(random, ids), text(random), schema));
        }
        List<Feature> entities = features.stream()
                .filter(f -> f.type() == FeatureType.CONTINUOUS_USE)
                .collect(Collectors.toList());

        List<CatalogPart> parts = new ArrayList<>(features);
        Set<String> productIds = new HashSet<>();
        Set<String> freeDefaults = new HashSet<>();
        Set<String> trialDefaults = new HashSet<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            parts.add(randomProduct(random, features, entities, productIds, freeDefaults, trialDefaults));
        }
        return Catalog.of(parts.toArray(new CatalogPart[0]));
    }

    private static Product randomProduct(
            Random random,
            List<Feature> features,
            List<Feature> entities,
            Set<String> ids,
            Set<String> freeDefaults,
            Set<String> trialDefaults) {
        Cycle billing = pick(random, BILLING);
        String group = random.nextInt(3) == 0 ? null : pick(random, List.of("main", "teams", "g \" \\ \u00e9"));
        Product product = product(id(random, ids)).name(text(random)).group(group);
        if (random.nextBoolean()) {
            product = product.description(text(random));
        }
        if (random.nextInt(4) == 0) {
            product = product.addOn();
        }
        int price = random.nextInt(3);
        if (price > 0) {
            product = product.item(
                    new PriceItem(new BigDecimal(pick(random, FIXED_PRICES)), price == 1 ? billing : Cycle.ONE_OFF));
        }
        for (Feature feature : features) {
            if (random.nextInt(3) == 0) {
                product = product.item(item(random, feature, billing, entities));
            }
        }
        if (random.nextInt(5) < 2 && billsOnAnInterval(product)) {
            int length = pick(random, List.of(1, 7, 14, 30, 365));
            FreeTrial.Unit unit = pick(random, List.of(FreeTrial.Unit.values()));
            product = product.freeTrial(new FreeTrial(length, unit, random.nextBoolean()));
        }
        if (random.nextBoolean()) {
            FreeTrial trial = product.freeTrial();
            String key = String.valueOf(product.group());
            if (product.isFree() && freeDefaults.add(key)) {
                product = product.defaultProduct();
            } else if (!product.isFree() && trial != null && !trial.cardRequired() && trialDefaults.add(key)) {
                product = product.defaultProduct();
            }
        }
        return product;
    }

    private static Item item(Random random, Feature feature, Cycle billing, List<Feature> entities) {
        FeatureType type = feature.type();
        if (type == FeatureType.BOOLEAN) {
            return featureItem(feature);
        }
        int kind = random.nextInt(4);
        Item item;
        if (kind == 0) {
            item = type == FeatureType.CONTINUOUS_USE
                    ? featureItem(feature).included(random.nextBoolean() ? 0 : pick(random, INCLUDED))
                    : withReset(featureItem(feature).included(pick(random, INCLUDED)), pick(random, RESETS));
        } else if (kind == 1) {
            item = featureItem(feature).unlimited();
        } else if (kind == 2) {
            item = prepaid(random, feature, billing);
        } else {
            item = payPerUse(random, feature, billing);
        }
        if (type.isConsumable() && !entities.isEmpty() && random.nextInt(3) == 0) {
            Feature entity = pick(random, entities);
            item = item instanceof FeatureItem
                    ? ((FeatureItem) item).perEntity(entity)
                    : ((PricedFeatureItem) item).perEntity(entity);
        }
        return item;
    }

    private static Item prepaid(Random random, Feature feature, Cycle billing) {
        long included = random.nextBoolean() ? 0 : pick(random, INCLUDED);
        Cycle cycle = random.nextBoolean() ? billing : Cycle.ONE_OFF;
        Proration proration = null;
        if (random.nextBoolean()) {
            proration = new Proration(
                    pick(
                            random,
                            List.of(
                                    OnIncrease.PRORATE_IMMEDIATELY,
                                    OnIncrease.PRORATE_NEXT_CYCLE,
                                    OnIncrease.BILL_NEXT_CYCLE)),
                    pick(random, List.of(OnDecrease.values())));
        }
        Cycle reset = null;
        if (feature.type().isConsumable() && random.nextBoolean()) {
            reset = random.nextInt(4) == 0 ? cycle : pick(random, RESETS);
        }
        return new PricedFeatureItem(
                feature,
                included,
                usagePrice(random, included, true),
                pick(random, UNITS),
                BillingMethod.PREPAID,
                cycle,
                reset,
                random.nextBoolean() ? null : pick(random, INCLUDED),
                random.nextBoolean() ? null : pick(random, ROLLOVERS),
                proration,
                null);
    }

    private static Item payPerUse(Random random, Feature feature, Cycle billing) {
        boolean consumable = feature.type().isConsumable();
        long included = random.nextBoolean() ? 0 : pick(random, INCLUDED);
        return new PricedFeatureItem(
                feature,
                included,
                usagePrice(random, included, false),
                pick(random, UNITS),
                BillingMethod.PAY_PER_USE,
                billing,
                consumable && random.nextBoolean() ? billing : null,
                random.nextBoolean() ? null : pick(random, INCLUDED),
                consumable && random.nextBoolean() ? pick(random, ROLLOVERS) : null,
                null,
                null);
    }

    private static UsagePrice usagePrice(Random random, long included, boolean volumeAllowed) {
        int kind = random.nextInt(volumeAllowed ? 3 : 2);
        if (kind == 0) {
            return new PerUnitPrice(new BigDecimal(pick(random, UNIT_PRICES)));
        }
        TierBehavior behavior = kind == 1 ? TierBehavior.GRADUATED : TierBehavior.VOLUME;
        int count = 2 + random.nextInt(3);
        List<Tier> tiers = new ArrayList<>();
        long upTo = included;
        for (int i = 0; i < count; i++) {
            boolean last = i == count - 1;
            if (!last) {
                upTo += 1 + random.nextInt(random.nextBoolean() ? 100 : 1_000_000);
            }
            BigDecimal flat = behavior == TierBehavior.VOLUME ? new BigDecimal(pick(random, FLATS)) : null;
            tiers.add(new Tier(last ? null : upTo, new BigDecimal(pick(random, TIER_PRICES)), flat));
        }
        return new TieredPrice(tiers, behavior);
    }

    private static String id(Random random, Set<String> taken) {
        while (true) {
            String id;
            if (random.nextInt(3) > 0) {
                id = pick(random, ID_POOL);
            } else {
                StringBuilder text = new StringBuilder();
                for (int i = 1 + random.nextInt(12); i > 0; i--) {
                    text.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
                }
                id = text.toString();
            }
            if (taken.add(id)) {
                return id;
            }
        }
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

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
