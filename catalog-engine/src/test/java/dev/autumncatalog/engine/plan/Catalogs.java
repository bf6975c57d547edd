package dev.autumncatalog.engine.plan;

import static dev.autumncatalog.dsl.Autumn.cost;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.freeTrial;
import static dev.autumncatalog.dsl.Autumn.lastTier;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.dsl.Autumn.rollover;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.FeatureType;
import dev.autumncatalog.dsl.FreeTrial;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.OnDecrease;
import dev.autumncatalog.dsl.OnIncrease;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.PricedFeatureStep;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.dsl.Tier;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.autumn.RemotePlan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Valid catalogs for properties, following the canonical forms and rules of docs/DESIGN.md. Ids come from small pools
 * with a fixed kind per id (Autumn refuses type changes of features in use), so two catalogs drawn independently share
 * many ids and differ in names, items, prices, trials and flags: good material for plans.
 *
 * <p>Built from a {@link Random} rather than combinators: the rules couple items to features, products to groups and
 * defaults, and a direct builder keeps every rule visible in one place. (No shrinking; a failing catalog is printed.)
 */
public final class Catalogs {
    public static final List<String> BOOLEANS = List.of("sso", "support");
    public static final List<String> SINGLE_USE = List.of("api_calls", "messages", "tokens");
    public static final List<String> CONTINUOUS_USE = List.of("seats", "storage");
    public static final List<String> CREDIT_SYSTEMS = List.of("credits", "ai_credits");
    public static final List<String> PLANS = List.of("free", "pro", "team", "enterprise", "addon", "topup");

    private static final List<Cycle> BILLING = List.of(
            Cycle.of(Interval.MONTH),
            Cycle.of(Interval.YEAR),
            Cycle.of(Interval.QUARTER),
            Cycle.every(3, Interval.MONTH),
            Cycle.of(Interval.WEEK));
    private static final List<Cycle> RESETS = List.of(
            Cycle.of(Interval.MONTH),
            Cycle.of(Interval.DAY),
            Cycle.ONE_OFF,
            Cycle.of(Interval.YEAR),
            Cycle.every(2, Interval.WEEK),
            Cycle.of(Interval.HOUR));

    private Catalogs() {}

    public static Arbitrary<Catalog> catalogs() {
        return Arbitraries.randomValue(Catalogs::catalog);
    }

    /** A valid catalog. */
    public static Catalog catalog(Random random) {
        List<Feature> features = new ArrayList<>();
        List<Feature> singles = new ArrayList<>();
        List<Feature> continuous = new ArrayList<>();
        for (String id : BOOLEANS) {
            if (chance(random, 0.6)) {
                features.add(feature(id).name(name(random, id)).booleanFlag());
            }
        }
        for (String id : SINGLE_USE) {
            if (chance(random, 0.7)) {
                Feature feature = feature(id).name(name(random, id)).singleUse();
                features.add(feature);
                singles.add(feature);
            }
        }
        for (String id : CONTINUOUS_USE) {
            if (chance(random, 0.6)) {
                Feature feature = feature(id).name(name(random, id)).continuousUse();
                features.add(feature);
                continuous.add(feature);
            }
        }
        for (String id : CREDIT_SYSTEMS) {
            if (!singles.isEmpty() && chance(random, 0.5)) {
                List<Feature> drawn = new ArrayList<>(singles);
                Collections.shuffle(drawn, random);
                drawn = drawn.subList(0, 1 + random.nextInt(drawn.size()));
                List<CreditCost> costs = new ArrayList<>();
                for (Feature single : drawn) {
                    costs.add(cost(single, pick(random, List.of("1", "2", "0.5", "0.01", "0.125"))));
                }
                features.add(feature(id).name(name(random, id)).creditSystem(costs.toArray(new CreditCost[0])));
            }
        }
        Collections.shuffle(features, random); // levels, not catalog order, must put credit systems last
        List<Product> products = new ArrayList<>();
        Set<String> defaultGroups = new HashSet<>();
        for (String id : PLANS) {
            if (chance(random, 0.5)) {
                products.add(generateProduct(random, id, features, continuous, defaultGroups));
            }
        }
        Collections.shuffle(products, random);
        return new Catalog(features, products);
    }

    private static Product generateProduct(
            Random random, String id, List<Feature> features, List<Feature> continuous, Set<String> defaultGroups) {
        Cycle billing = pick(random, BILLING);
        List<Item> items = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        if (chance(random, 0.5)) {
            Cycle priceCycle = chance(random, 0.25) ? Cycle.ONE_OFF : billing;
            items.add(new PriceItem(
                    new BigDecimal(pick(random, List.of("5", "9.99", "20", "49.5", "1000"))), priceCycle));
        }
        for (Feature feature : features) {
            if (!chance(random, 0.5)) {
                continue;
            }
            Item item = item(random, feature, billing, continuous);
            if (keys.add(key(item))) {
                items.add(item);
            }
            if (feature.type().isConsumable() && chance(random, 0.2)) {
                Item second = featureItem(feature)
                        .included(50)
                        .resetEvery(1, pick(random, List.of(Interval.DAY, Interval.WEEK, Interval.YEAR)));
                if (keys.add(key(second))) {
                    items.add(second);
                }
            }
        }
        Collections.shuffle(items, random);
        Product product = product(id).name(name(random, id)).items(items.toArray(new Item[0]));
        if (chance(random, 0.3)) {
            product = product.description(pick(random, List.of("For teams", "The basics", "Everything")));
        }
        if (chance(random, 0.4)) {
            product = product.group(pick(random, List.of("main", "extra")));
        }
        if (chance(random, 0.2)) {
            product = product.addOn();
        }
        if (!product.isFree() && hasRecurringPrice(product) && chance(random, 0.3)) {
            FreeTrial trial = chance(random, 0.5)
                    ? freeTrial(pick(random, List.of(7, 14, 30))).days()
                    : freeTrial(1).months();
            product = product.freeTrial(chance(random, 0.5) ? trial : trial.noCardRequired());
        }
        boolean mayBeDefault = product.isFree()
                || (product.freeTrial() != null && !product.freeTrial().cardRequired());
        String group = product.group() == null ? "" : product.group();
        if (mayBeDefault && !product.isAddOn() && !defaultGroups.contains(group) && chance(random, 0.4)) {
            defaultGroups.add(group);
            product = product.defaultProduct();
        }
        return product;
    }

    private static Item item(Random random, Feature feature, Cycle billing, List<Feature> continuous) {
        FeatureType type = feature.type();
        if (type == FeatureType.BOOLEAN) {
            return featureItem(feature);
        }
        Feature entity =
                type.isConsumable() && !continuous.isEmpty() && chance(random, 0.2) ? pick(random, continuous) : null;
        if (chance(random, 0.5)) {
            FeatureItem item;
            if (type == FeatureType.CONTINUOUS_USE) {
                item = featureItem(feature).included(random.nextInt(11));
            } else if (chance(random, 0.3)) {
                item = featureItem(feature).unlimited();
            } else {
                long included = pick(random, List.of(1L, 100L, 1_000L, 10_000L));
                item = new FeatureItem(feature, included, false, pick(random, RESETS), null);
            }
            return entity == null ? item : item.perEntity(entity);
        }
        return priced(random, feature, billing, entity);
    }

    private static PricedFeatureItem priced(Random random, Feature feature, Cycle billing, Feature entity) {
        boolean consumable = feature.type().isConsumable();
        boolean prepaid = chance(random, 0.5);
        long included = pick(random, List.of(0L, 0L, 100L, 1_000L));
        PricedFeatureStep step = pricedFeatureItem(feature).included(included);
        PricedFeatureStep.Priced priced;
        if (chance(random, 0.6)) {
            priced = step.price(pick(random, List.of("0.01", "1", "10", "0.005")));
        } else {
            int count = 2 + random.nextInt(2); // one unbounded tier is a per-unit price to Autumn: not canonical
            boolean volume = prepaid && chance(random, 0.5);
            List<Tier> tiers = new ArrayList<>();
            long upTo = included;
            for (int i = 0; i < count - 1; i++) {
                upTo += pick(random, List.of(1L, 100L, 5_000L));
                BigDecimal flat = volume && chance(random, 0.5) ? new BigDecimal("20") : null;
                tiers.add(new Tier(upTo, new BigDecimal(pick(random, List.of("0", "0.01", "1", "0.5"))), flat));
            }
            tiers.add(lastTier(pick(random, List.of("0", "0.005", "2"))));
            priced = volume ? step.volumeTiers(tiers.toArray(new Tier[0])) : step.tiers(tiers.toArray(new Tier[0]));
        }
        long units = pick(random, List.of(1L, 1L, 100L, 1_000L));
        if (units > 1) {
            priced = priced.per(units);
        }
        PricedFeatureStep.Billing method = prepaid ? priced.prepaid() : priced.payPerUse();
        Cycle cycle = prepaid && chance(random, 0.3) ? Cycle.ONE_OFF : billing;
        PricedFeatureItem item = cycle.isOneOff() ? method.oneOff() : method.every(cycle.count(), cycle.interval());
        if (consumable && prepaid && chance(random, 0.3)) {
            Cycle reset = pick(random, RESETS);
            if (!reset.equals(cycle)) {
                item = reset.isOneOff() ? item.noReset() : item.resetEvery(reset.count(), reset.interval());
            }
        }
        if (chance(random, 0.3)) {
            item = item.maxPurchase(pick(random, List.of(100L, 10_000L)));
        }
        if (consumable && !item.effectiveReset().isOneOff() && chance(random, 0.2)) {
            item = item.rollover(
                    chance(random, 0.5)
                            ? rollover().upTo(500).forMonths(1)
                            : rollover().upToPercent(50).forever());
        }
        if (prepaid && chance(random, 0.3)) {
            item = item.prorate(
                    pick(
                            random,
                            List.of(
                                    OnIncrease.PRORATE_IMMEDIATELY,
                                    OnIncrease.PRORATE_NEXT_CYCLE,
                                    OnIncrease.BILL_NEXT_CYCLE)),
                    pick(random, List.of(OnDecrease.values())));
        }
        return entity == null ? item : item.perEntity(entity);
    }

    /** Feature id + reset + entity, with Autumn's filled-in reset: an unlimited consumable item resets one-off. */
    private static String key(Item item) {
        if (item instanceof PriceItem) {
            return "price";
        }
        if (item instanceof FeatureItem) {
            FeatureItem f = (FeatureItem) item;
            Cycle reset = f.reset() == null && f.feature().type().isConsumable() ? Cycle.ONE_OFF : f.reset();
            return f.feature().id() + "|" + reset + "|"
                    + (f.entityFeature() == null ? "" : f.entityFeature().id());
        }
        PricedFeatureItem p = (PricedFeatureItem) item;
        Cycle reset = p.feature().type().isConsumable() ? p.effectiveReset() : null;
        return p.feature().id() + "|" + reset + "|"
                + (p.entityFeature() == null ? "" : p.entityFeature().id());
    }

    private static boolean hasRecurringPrice(Product product) {
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

    private static String name(Random random, String id) {
        String words = Character.toUpperCase(id.charAt(0)) + id.substring(1).replace('_', ' ');
        return chance(random, 0.7) ? words : words + " (new)";
    }

    public static boolean chance(Random random, double p) {
        return random.nextDouble() < p;
    }

    public static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Autumn holding exactly {@code catalog}: nothing archived, version 1, nothing unsupported. */
    public static RemoteCatalog remote(Catalog catalog) {
        List<RemoteFeature> features = new ArrayList<>();
        for (Feature feature : catalog.features()) {
            features.add(new RemoteFeature(feature.id(), feature, feature.isArchived(), List.of()));
        }
        List<RemotePlan> plans = new ArrayList<>();
        for (Product product : catalog.products()) {
            plans.add(new RemotePlan(product.id(), product, product.isArchived(), 1, List.of()));
        }
        return new RemoteCatalog(features, plans);
    }
}
