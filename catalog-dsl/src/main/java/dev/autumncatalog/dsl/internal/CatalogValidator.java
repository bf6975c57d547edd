package dev.autumncatalog.dsl.internal;

import dev.autumncatalog.dsl.BillingMethod;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.CreditSystem;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.FeatureType;
import dev.autumncatalog.dsl.FreeTrial;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.OnIncrease;
import dev.autumncatalog.dsl.PerUnitPrice;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Problem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.dsl.Rollover;
import dev.autumncatalog.dsl.Tier;
import dev.autumncatalog.dsl.TierBehavior;
import dev.autumncatalog.dsl.TieredPrice;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every rule of the catalog: the value rules of {@link Checks} (ids, names, amounts, counts), then the rules of how
 * values fit together. Every rule adds problems; none stops the others. Problems come in catalog order: features in
 * list order (each with its credit schema), then products in list order (the product, its items in order with their
 * tiers, then its free trial); at each place the element's own values come first. A bad value that a DSL step
 * noted (see {@link Notes}) carries the source line that wrote it.
 *
 * <p>The rules and their sources are listed in {@code docs/DESIGN.md}; each method below names the rule it checks.
 */
public final class CatalogValidator {
    private CatalogValidator() {}

    /** Every problem of {@code catalog}, in catalog order. */
    public static List<Problem> validate(Catalog catalog) {
        return new Run(catalog, false).run();
    }

    /** The problems of {@code catalog}'s values alone (the rules of {@link Checks}), in catalog order. */
    public static List<Problem> validateValues(Catalog catalog) {
        return new Run(catalog, true).run();
    }

    /**
     * The key under which Autumn refuses a second item of a product (P-I18/19/20, audit V20): feature, reset as stored
     * (interval and count; continuous-use items key on none), entity, and kind. Autumn refuses two unpriced items, or
     * two priced items with one billing method, under one (feature, reset, entity), and accepts a free grant beside a
     * priced item, or prepaid beside pay-per-use (audit D2, D3, D4, D15, D23). Autumn's own check compares each item
     * with the first other match only, so it accepts some orders of three same-kind items (D12, D13) and then refuses
     * the stored order when it is sent back (D20): the DSL refuses every same-kind pair, whatever the order, so that a
     * catalog can always be pushed again.
     */
    private record ItemKey(String featureId, Cycle reset, String entityId, String kind) {}

    private static final class Run {
        private final Catalog catalog;
        /** The first declaration of each feature id: what Autumn resolves an id to. */
        private final Map<String, Feature> declared = new LinkedHashMap<>();

        private final List<Problem> problems = new ArrayList<>();
        /** Whether only value rules report: the other rules still run, and what they find is dropped. */
        private final boolean valuesOnly;

        Run(Catalog catalog, boolean valuesOnly) {
            this.catalog = catalog;
            this.valuesOnly = valuesOnly;
            for (Feature feature : catalog.features()) {
                declared.putIfAbsent(feature.id(), feature);
            }
        }

        List<Problem> run() {
            features();
            products();
            return problems;
        }

        private void problem(String path, String message) {
            if (!valuesOnly) {
                problems.add(new Problem(path, message));
            }
        }

        /**
         * The value rule of {@code owner}'s {@code field}: {@code problem} is what {@link Checks} says of the value
         * (or {@code null}); a note replaces it where the model could not hold the value, and adds its line.
         */
        private void value(String path, Object owner, String field, String problem) {
            Notes.Note note = Notes.of(owner, field);
            String message = note != null && note.message() != null ? note.message() : problem;
            if (message != null) {
                problems.add(new Problem(path, message, note == null ? null : note.where()));
            }
        }

        private void cycle(String path, Cycle cycle) {
            value(path, cycle, "count", Checks.cycleCount(cycle));
        }

        // Features

        private void features() {
            Map<String, List<Feature>> byId = new HashMap<>();
            for (Feature feature : catalog.features()) {
                byId.computeIfAbsent(feature.id(), id -> new ArrayList<>()).add(feature);
            }
            Map<String, Integer> seen = new HashMap<>();
            for (Feature feature : catalog.features()) {
                String path = "features[" + feature.id() + "]";
                value(path, feature, "id", Checks.id("feature", feature.id()));
                value(path, feature, "name", Checks.name("feature", feature.id(), feature.name()));
                value(path, feature, "eventNames", Checks.eventNamesProblem(feature.id(), feature.eventNames()));
                if (feature instanceof CreditSystem) {
                    value(path, feature, "creditSchema", Checks.creditSchema(feature.id(), feature.creditSchema()));
                }
                int occurrence = seen.merge(feature.id(), 1, Integer::sum);
                List<Feature> same = byId.get(feature.id());
                if (occurrence == 2) { // F-C3, reported once, where the id is declared again
                    problem(
                            path,
                            "feature id '" + feature.id() + "' is declared " + same.size() + " times, as "
                                    + joinAnd(same.stream().map(Run::describe).collect(Collectors.toList()))
                                    + "; keep one declaration per id");
                }
                creditSchema(feature, path);
            }
        }

        private void creditSchema(Feature creditSystem, String base) {
            Map<String, Integer> seen = new HashMap<>();
            List<CreditCost> schema = creditSystem.creditSchema();
            for (int i = 0; i < schema.size(); i++) {
                CreditCost cost = schema.get(i);
                Feature target = cost.feature();
                String path = base + ".creditSchema[" + i + "]";
                value(path, cost, "credits", Checks.creditCost(target.id(), cost.credits()));
                Integer first = seen.putIfAbsent(target.id(), i);
                if (first != null) { // F-C6
                    problem(
                            path,
                            "feature '" + target.id() + "' is already in the credit schema at creditSchema[" + first
                                    + "]; keep one cost per feature");
                    continue;
                }
                reference("feature", target, path); // F-C10 (forgets)
                if (target.type() != FeatureType.SINGLE_USE) { // F-C8, F-C9, F-C10 (forgets)
                    problem(
                            path,
                            "credit system '" + creditSystem.id() + "' cannot draw from " + ref(target)
                                    + "; a credit schema takes single-use features only");
                }
            }
        }

        /** Whether the catalog declares {@code feature} as referenced (P-I1, P-I24, P-I2; F-C10). */
        private void reference(String role, Feature feature, String path) {
            Feature declaration = declared.get(feature.id());
            if (declaration == null) {
                problem(
                        path,
                        role + " '" + feature.id() + "' is not in the catalog; catalog features: "
                                + new ArrayList<>(declared.keySet()));
            } else if (!Checks.sameForAutumn(declaration, feature)) {
                problem(
                        path,
                        role + " '" + feature.id() + "' differs from the catalog's declaration: " + describe(feature)
                                + " here, " + describe(declaration)
                                + " in the catalog; reference the declared feature");
            }
        }

        // Products

        private void products() {
            Map<String, List<Product>> byId = new HashMap<>();
            for (Product product : catalog.products()) {
                byId.computeIfAbsent(product.id(), id -> new ArrayList<>()).add(product);
            }
            Map<String, Integer> seen = new HashMap<>();
            Map<String, String> freeDefaults = new HashMap<>();
            Map<String, String> trialDefaults = new HashMap<>();
            for (Product product : catalog.products()) {
                String path = "products[" + product.id() + "]";
                value(path, product, "id", Checks.id("product", product.id()));
                value(path, product, "name", Checks.name("product", product.id(), product.name()));
                if (product.description() != null) {
                    value(
                            path,
                            product,
                            "description",
                            Checks.text("product", product.id(), "description", product.description()));
                }
                if (product.group() != null) {
                    value(path, product, "group", Checks.text("product", product.id(), "group", product.group()));
                }
                int occurrence = seen.merge(product.id(), 1, Integer::sum);
                List<Product> same = byId.get(product.id());
                if (occurrence == 2) { // P-C2
                    problem(
                            path,
                            "product id '" + product.id() + "' is declared " + same.size() + " times, as "
                                    + joinAnd(same.stream()
                                            .map(p -> "'" + p.name() + "'")
                                            .collect(Collectors.toList()))
                                    + "; keep one declaration per id");
                }
                defaults(product, path, freeDefaults, trialDefaults);
                items(product, path);
                freeTrial(product, path);
            }
        }

        /** P-D1, P-D2, P-D3. */
        private void defaults(
                Product product, String path, Map<String, String> freeDefaults, Map<String, String> trialDefaults) {
            if (!product.isDefault()) {
                return;
            }
            String group = product.group() == null ? "" : product.group();
            FreeTrial trial = product.freeTrial();
            if (product.isFree()) {
                String first = freeDefaults.putIfAbsent(group, product.id());
                if (first != null) {
                    problem(
                            path,
                            groupLabel(product) + " already has a free default product, '" + first
                                    + "'; remove .defaultProduct() from one of them");
                }
            } else if (trial != null && !trial.cardRequired()) {
                String first = trialDefaults.putIfAbsent(group, product.id());
                if (first != null) {
                    problem(
                            path,
                            groupLabel(product) + " already has a default trial product, '" + first
                                    + "'; remove .defaultProduct() from one of them");
                }
            } else {
                problem(
                        path,
                        "a default product must be free, or have a free trial without card; remove .defaultProduct(),"
                                + " or add .freeTrial(freeTrial(14).days().noCardRequired())");
            }
        }

        private void items(Product product, String base) {
            List<Item> items = product.items();
            int firstPrice = -1;
            int firstWeekOrMonth = -1;
            Map<ItemKey, Integer> keys = new HashMap<>();
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                String path = base + ".items[" + i + "]";
                itemValues(item, path);
                if (item instanceof PriceItem) {
                    if (firstPrice >= 0) { // P-I21
                        problem(
                                path,
                                "a product can have only one price item, and items[" + firstPrice
                                        + "] already is one; remove this one");
                    } else {
                        firstPrice = i;
                    }
                } else if (item instanceof FeatureItem) {
                    featureItem((FeatureItem) item, path);
                } else {
                    pricedFeatureItem((PricedFeatureItem) item, path);
                }

                ItemKey key = key(item);
                if (key != null) { // P-I18, P-I19, P-I20
                    Integer first = keys.putIfAbsent(key, i);
                    if (first != null) {
                        problem(
                                path,
                                "feature '" + key.featureId() + "' already has " + key.kind() + " item at items["
                                        + first + "] with the same reset ("
                                        + (key.reset() == null ? "none" : key.reset()) + ")"
                                        + (key.entityId() == null ? "" : " and entity feature '" + key.entityId() + "'")
                                        + "; Autumn refuses two such items, merge them into one");
                    }
                }

                Cycle billing = billing(item);
                if (billing != null && isWeekOrMonth(billing)) { // P-I22
                    if (firstWeekOrMonth < 0) {
                        firstWeekOrMonth = i;
                    } else {
                        Cycle first = billing(items.get(firstWeekOrMonth));
                        if (first.interval() != billing.interval()) {
                            problem(
                                    path,
                                    "a product cannot bill both weekly and monthly, but this item bills every "
                                            + billing + " and items[" + firstWeekOrMonth + "] every " + first
                                            + "; use one of the two intervals");
                        }
                    }
                }

                if (item instanceof PricedFeatureItem && ((PricedFeatureItem) item).price() instanceof TieredPrice) {
                    PricedFeatureItem priced = (PricedFeatureItem) item;
                    tiers(priced, (TieredPrice) priced.price(), path);
                }
            }
        }

        /** The value rules of an item and of the values it holds (cycles, price, rollover); tiers come with theirs. */
        private void itemValues(Item item, String path) {
            if (item instanceof PriceItem) {
                PriceItem price = (PriceItem) item;
                value(path, price, "amount", Checks.priceAmount(price.amount()));
                value(path, price, "billing", Checks.priceBilling(price.billing()));
                cycle(path, price.billing());
            } else if (item instanceof FeatureItem) {
                FeatureItem granted = (FeatureItem) item;
                String id = granted.feature().id();
                value(
                        path,
                        granted,
                        "included",
                        Checks.notNegative("included usage", granted.included(), "feature item " + id));
                value(
                        path,
                        granted,
                        "unlimited",
                        Checks.unlimitedAndIncluded(id, granted.isUnlimited(), granted.included()));
                if (granted.reset() != null) {
                    cycle(path, granted.reset());
                }
                rollover(granted.rollover(), path);
            } else {
                pricedValues((PricedFeatureItem) item, path);
            }
        }

        private void pricedValues(PricedFeatureItem item, String path) {
            String id = item.feature().id();
            value(
                    path,
                    item,
                    "included",
                    Checks.notNegative("included usage", item.included(), "priced feature item " + id));
            if (item.price() instanceof PerUnitPrice) {
                PerUnitPrice price = (PerUnitPrice) item.price();
                value(path, price, "amount", Checks.usagePrice(price.amount()));
            } else {
                TieredPrice price = (TieredPrice) item.price();
                value(path, price, "tiers", Checks.tiers(price.tiers()));
            }
            value(path, item, "billingUnits", Checks.billingUnits(item.billingUnits(), id));
            value(path, item, "billing", Checks.usageBilling(item.billing(), id));
            cycle(path, item.billing());
            if (item.reset() != null) {
                cycle(path, item.reset());
            }
            value(path, item, "maxPurchase", Checks.maxPurchase(item.maxPurchase(), id));
            rollover(item.rollover(), path);
        }

        /** P-I17: Autumn refuses each of these with a 400 and leaves the plan with no items (audit P17–P17d). */
        private void rollover(Rollover rollover, String path) {
            if (rollover != null) {
                value(path, rollover, "caps", Checks.rolloverCaps(rollover));
                value(path, rollover, "max", Checks.rolloverMax(rollover.max()));
                value(path, rollover, "maxPercentage", Checks.rolloverPercentage(rollover.maxPercentage()));
                value(path, rollover, "months", Checks.rolloverMonths(rollover.months()));
            }
        }

        /** Canonical forms 1–3 and the entity feature. */
        private void featureItem(FeatureItem item, String path) {
            Feature feature = item.feature();
            reference("feature", feature, path);
            entity(item.entityFeature(), path);
            FeatureType type = feature.type();
            // Canonical form 1. Autumn stores a boolean item with included 0, unlimited false and no reset whatever
            // was sent (audit C1-included, C1-unlimited, C1-reset): each is refused because it would be changed.
            // A boolean item per entity is stored as sent and keyed on its entity (C1-entity, D24): allowed.
            if (type == FeatureType.BOOLEAN) {
                if (item.included() != 0) {
                    problem(
                            path,
                            ref(feature) + " cannot have included usage (was " + item.included()
                                    + "); remove .included(" + item.included() + ")");
                }
                if (item.isUnlimited()) {
                    problem(path, ref(feature) + " cannot be unlimited; remove .unlimited()");
                }
                if (item.reset() != null) {
                    cannotReset("", feature, item.reset(), featureItemResetCall(item.reset()), path);
                }
                if (item.rollover() != null) { // nothing to roll over: a boolean has no balance
                    problem(path, ref(feature) + " cannot roll over; remove .rollover(...)");
                }
            } else if (type == FeatureType.CONTINUOUS_USE) {
                // Canonical form 2: Autumn stores an unpriced continuous-use item with reset null (audit C2-reset).
                if (item.reset() != null) {
                    cannotReset("", feature, item.reset(), featureItemResetCall(item.reset()), path);
                }
            } else if (!item.isUnlimited()) {
                // Canonical form 3. An unlimited item's reset is dropped by FeatureItem (Autumn stores it but the
                // balance never resets: audit V14), and a grant of 0 is real content (a balance of zero, audit V15),
                // so neither is a problem. A finite grant without a reset is stored as one-off (C3-finite-none): the
                // rule asks the author to say so with .noReset(), as atmn's validate does, so that a forgotten
                // .monthly() does not silently become a one-time grant.
                if (item.reset() == null) {
                    problem(
                            path,
                            ref(feature) + " needs a reset for its included usage; add .monthly() (or another"
                                    + " interval), or .noReset() for a one-time grant");
                }
            }
        }

        /** Canonical form 4 and the price rules of P-I12, P-I16, P-I23 and §3.4. */
        private void pricedFeatureItem(PricedFeatureItem item, String path) {
            Feature feature = item.feature();
            reference("feature", feature, path);
            entity(item.entityFeature(), path);
            FeatureType type = feature.type();
            boolean payPerUse = item.billingMethod() == BillingMethod.PAY_PER_USE;
            // Autumn stores a priced boolean item (audit C1-priced), but a boolean has no balance to meter or buy:
            // refused to protect the user.
            if (type == FeatureType.BOOLEAN) {
                problem(path, ref(feature) + " cannot have a usage price; use featureItem(...) instead");
            }
            // Autumn stores a priced continuous-use item with reset null (audit C2-priced-reset): changed, refused.
            if (type == FeatureType.CONTINUOUS_USE && item.reset() != null) {
                cannotReset("", feature, item.reset(), pricedResetCall(item.reset()), path);
            }
            if (payPerUse && item.billing().isOneOff()) { // P-I23
                problem(
                        path,
                        "pay-per-use " + ref(feature) + " cannot be billed one-off; use .prepaid() for a one-off pack,"
                                + " or a recurring interval such as .monthly()");
            }
            if (payPerUse
                    && type.isConsumable()
                    && item.reset() != null
                    && !item.reset().equals(item.billing())) { // §3.4
                problem(
                        path,
                        "pay-per-use " + ref(feature) + " must reset when it is billed (" + item.billing() + "), was "
                                + item.reset() + "; remove " + pricedResetCall(item.reset()) + ", or use .prepaid()");
            }
            if (payPerUse
                    && item.price() instanceof TieredPrice
                    && ((TieredPrice) item.price()).behavior() == TierBehavior.VOLUME) { // P-I12, §3.4
                problem(
                        path,
                        "volume tiers need a prepaid item, this one is pay-per-use; use .tiers(...) for graduated tiers,"
                                + " or .prepaid()");
            }
            if (item.proration() != null) {
                if (payPerUse) { // §3.4
                    problem(
                            path,
                            "proration needs a prepaid item, this one is pay-per-use; remove .prorate(...), or use"
                                    + " .prepaid()");
                } else if (item.proration().onIncrease() == OnIncrease.BILL_IMMEDIATELY) { // P-I16
                    problem(
                            path,
                            "a prepaid item cannot use OnIncrease.BILL_IMMEDIATELY; use PRORATE_IMMEDIATELY,"
                                    + " PRORATE_NEXT_CYCLE or BILL_NEXT_CYCLE");
                }
            }
            if (item.rollover() != null && payPerUse && type == FeatureType.CONTINUOUS_USE) { // §3.4
                problem(
                        path,
                        "pay-per-use " + ref(feature) + " cannot roll over; remove .rollover(...), or use .prepaid()");
            }
        }

        private void entity(Feature entity, String path) {
            if (entity == null) {
                return;
            }
            reference("entity feature", entity, path);
            if (entity.type() != FeatureType.CONTINUOUS_USE) {
                problem(
                        path,
                        "entity feature '" + entity.id() + "' must be continuous-use, was "
                                + entity.type().word()
                                + "; pass a continuous-use feature such as seats to .perEntity(...)");
            }
        }

        private void cannotReset(String adjective, Feature feature, Cycle reset, String call, String path) {
            problem(path, adjective + ref(feature) + " cannot reset (was " + reset + "); remove " + call);
        }

        /** P-I13, P-I15 (forgets), §3.3 single tier, §3.4 first tier above included. */
        private void tiers(PricedFeatureItem item, TieredPrice price, String path) {
            List<Tier> tiers = price.tiers();
            if (tiers.size() == 1) { // §3.3: Autumn collapses a single tier to a per-unit amount
                problem(
                        path,
                        "a single tier is stored by Autumn as a per-unit price; use .price(amount) instead of tiers");
            }
            Long previous = null;
            for (int k = 0; k < tiers.size(); k++) {
                Tier tier = tiers.get(k);
                String tierPath = path + ".tiers[" + k + "]";
                value(tierPath, tier, "upTo", Checks.tierUpTo(tier.upTo()));
                value(tierPath, tier, "amount", Checks.notNegative("tier amount", tier.amount()));
                if (tier.flatAmount() != null) {
                    value(tierPath, tier, "flatAmount", Checks.notNegative("tier flat amount", tier.flatAmount()));
                }
                boolean last = k == tiers.size() - 1;
                if (tier.isUnbounded()) {
                    if (!last) {
                        problem(
                                tierPath,
                                "only the last tier can be unbounded; give this tier an upTo: tier(n, amount)");
                    }
                } else {
                    if (last) {
                        problem(
                                tierPath,
                                "the last tier must be unbounded, was upTo " + tier.upTo()
                                        + "; end the tiers with lastTier(amount)");
                    }
                    if (previous != null && tier.upTo() <= previous) {
                        problem(
                                tierPath,
                                "tier upTo must be greater than the previous tier's (was " + tier.upTo() + " after "
                                        + previous + "); list tiers in ascending order");
                    }
                    if (k == 0 && tier.upTo() <= item.included()) {
                        problem(
                                tierPath,
                                "the first tier must end above included usage (upTo " + tier.upTo() + ", included "
                                        + item.included() + "); tiers count total usage, so raise upTo above "
                                        + item.included());
                    }
                    previous = tier.upTo();
                }
                if (tier.flatAmount() != null) {
                    if (price.behavior() != TierBehavior.VOLUME) {
                        problem(
                                tierPath,
                                "a flat amount needs volume tiers, these are graduated; remove .flat("
                                        + tier.flatAmount().toPlainString() + "), or use .volumeTiers(...)");
                    } else if (tiers.size() == 1) {
                        problem(
                                tierPath,
                                "a flat amount needs more than one tier; remove .flat("
                                        + tier.flatAmount().toPlainString() + "), or add tiers");
                    }
                }
            }
        }

        /** P-T2 and the free product the server forgets. */
        private void freeTrial(Product product, String base) {
            if (product.freeTrial() == null) {
                return;
            }
            String path = base + ".freeTrial";
            value(
                    path,
                    product.freeTrial(),
                    "length",
                    Checks.trialLength(product.freeTrial().length()));
            if (product.isFree()) {
                // Autumn keeps a card-less trial on a free product as sent (audit TR3b), but stores a trial that
                // requires a card as card_required false (TR3): only the changed form is refused.
                if (product.freeTrial().cardRequired()) {
                    problem(
                            path,
                            "a free product's free trial cannot require a card (Autumn stores it without); add"
                                    + " .noCardRequired(), or add a price");
                }
            } else if (product.items().stream()
                    .map(Run::billing)
                    .filter(cycle -> cycle != null)
                    .allMatch(Cycle::isOneOff)) {
                problem(
                        path,
                        "a product whose prices are all one-off cannot have a free trial; remove .freeTrial(...), or"
                                + " bill a price on an interval");
            }
        }

        // Helpers

        private static ItemKey key(Item item) {
            if (item instanceof FeatureItem) {
                FeatureItem featureItem = (FeatureItem) item;
                Cycle reset = null;
                if (featureItem.feature().type().isConsumable()) {
                    // Autumn stores a consumable item without a reset (an unlimited one too) as one-off.
                    reset = featureItem.reset() == null ? Cycle.ONE_OFF : featureItem.reset();
                }
                return new ItemKey(featureItem.feature().id(), reset, id(featureItem.entityFeature()), "an unpriced");
            }
            if (item instanceof PricedFeatureItem) {
                PricedFeatureItem priced = (PricedFeatureItem) item;
                Cycle reset = priced.feature().type().isConsumable() ? priced.effectiveReset() : null;
                String kind = priced.billingMethod() == BillingMethod.PREPAID ? "a prepaid" : "a pay-per-use";
                return new ItemKey(priced.feature().id(), reset, id(priced.entityFeature()), kind);
            }
            return null;
        }

        private static String id(Feature feature) {
            return feature == null ? null : feature.id();
        }

        /** How often an item bills, or {@code null} for an unpriced feature item. */
        private static Cycle billing(Item item) {
            if (item instanceof PriceItem) {
                return ((PriceItem) item).billing();
            }
            if (item instanceof PricedFeatureItem) {
                return ((PricedFeatureItem) item).billing();
            }
            return null;
        }

        private static boolean isWeekOrMonth(Cycle cycle) {
            return cycle.interval() == Interval.WEEK || cycle.interval() == Interval.MONTH;
        }

        private static String groupLabel(Product product) {
            return product.group() == null ? "the default group (no group)" : "group '" + product.group() + "'";
        }

        /** {@code single-use feature 'api_calls'}, {@code credit system 'credits'}. */
        private static String ref(Feature feature) {
            return (feature.type() == FeatureType.CREDIT_SYSTEM
                            ? "credit system"
                            : feature.type().word() + " feature") + " '" + feature.id() + "'";
        }

        /** {@code single-use 'API Calls'}, {@code credit system 'Credits' [api_calls: 1]}. */
        private static String describe(Feature feature) {
            String text = feature.type().word() + " '" + feature.name() + "'";
            if (!feature.creditSchema().isEmpty()) {
                text += " "
                        + feature.creditSchema().stream()
                                .map(cost -> cost.feature().id() + ": "
                                        + cost.credits().toPlainString())
                                .collect(Collectors.toList());
            }
            return text;
        }

        private static String joinAnd(List<String> parts) {
            if (parts.size() == 1) {
                return parts.get(0);
            }
            return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        }

        /** The {@link FeatureItem} step that set {@code reset}: {@code .monthly()}, {@code .noReset()}. */
        private static String featureItemResetCall(Cycle reset) {
            if (reset.isOneOff()) {
                return ".noReset()";
            }
            if (reset.count() == 1) {
                switch (reset.interval()) {
                    case HOUR:
                        return ".hourly()";
                    case DAY:
                        return ".daily()";
                    case WEEK:
                        return ".weekly()";
                    case MONTH:
                        return ".monthly()";
                    case QUARTER:
                        return ".quarterly()";
                    case SEMI_ANNUAL:
                        return ".semiAnnually()";
                    case YEAR:
                        return ".yearly()";
                    default:
                        break;
                }
            }
            return resetEveryCall(reset);
        }

        /** The {@link PricedFeatureItem} step that set {@code reset}. */
        private static String pricedResetCall(Cycle reset) {
            return reset.isOneOff() ? ".noReset()" : resetEveryCall(reset);
        }

        private static String resetEveryCall(Cycle reset) {
            return ".resetEvery(" + reset.count() + ", Interval."
                    + reset.interval().name() + ")";
        }
    }
}
