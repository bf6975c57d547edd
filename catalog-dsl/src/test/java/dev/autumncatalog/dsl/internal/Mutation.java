package dev.autumncatalog.dsl.internal;

import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.freeTrial;
import static dev.autumncatalog.dsl.Autumn.lastTier;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.dsl.Autumn.rollover;
import static dev.autumncatalog.dsl.Autumn.tier;

import dev.autumncatalog.dsl.Autumn;
import dev.autumncatalog.dsl.BillingMethod;
import dev.autumncatalog.dsl.BooleanFeature;
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
import dev.autumncatalog.dsl.MeteredFeature;
import dev.autumncatalog.dsl.OnDecrease;
import dev.autumncatalog.dsl.OnIncrease;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PriceStep;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.dsl.Rollover;
import dev.autumncatalog.dsl.Tier;
import dev.autumncatalog.dsl.TierBehavior;
import dev.autumncatalog.dsl.TieredPrice;
import dev.autumncatalog.dsl.UsagePrice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One rule-breaking change per rule of the validator: the catalog-wide rules, and the value rules that DSL steps
 * used to throw for. Where the valid catalog has an element the rule applies to, the
 * mutation changes it in place; otherwise it appends a minimal offender. Either way it knows the exact path it broke
 * and a fragment of the message that must be reported there.
 */
enum Mutation {
    DUPLICATE_FEATURE_ID {
        @Override
        Mutated apply(Catalog c, int pick) {
            Feature f = c.features().get(Math.floorMod(pick, c.features().size()));
            Feature twin = f.type() == FeatureType.BOOLEAN
                    ? new MeteredFeature(f.id(), "Twin", true)
                    : new BooleanFeature(f.id(), "Twin");
            return new Mutated(withFeatures(c, twin), "features[" + f.id() + "]", "is declared 2 times");
        }
    },
    DUPLICATE_PRODUCT_ID {
        @Override
        Mutated apply(Catalog c, int pick) {
            Product p = productAt(c, pick);
            return new Mutated(
                    withProducts(c, p.name(p.name() + " twin")), "products[" + p.id() + "]", "is declared 2 times");
        }
    },
    CREDIT_TARGET_NOT_IN_CATALOG {
        @Override
        Mutated apply(Catalog c, int pick) {
            return creditSchema(c, pick, MISSING, List.of(), "is not in the catalog");
        }
    },
    CREDIT_TARGET_BOOLEAN {
        @Override
        Mutated apply(Catalog c, int pick) {
            return creditSchema(c, pick, FLAG, List.of(FLAG), "cannot draw from boolean feature");
        }
    },
    CREDIT_TARGET_CONTINUOUS {
        @Override
        Mutated apply(Catalog c, int pick) {
            return creditSchema(c, pick, SEATS, List.of(SEATS), "cannot draw from continuous-use feature");
        }
    },
    CREDIT_TARGET_CREDIT_SYSTEM {
        @Override
        Mutated apply(Catalog c, int pick) {
            Optional<Feature> existing = c.features().stream()
                    .filter(f -> f.type() == FeatureType.CREDIT_SYSTEM)
                    .findFirst();
            if (existing.isPresent()) {
                return creditSchema(c, pick, existing.get(), List.of(), "cannot draw from credit system");
            }
            Feature pool = new CreditSystem("mut_pool", "Pool", List.of(cost(single(c, pick))));
            return creditSchema(c, pick, pool, List.of(pool), "cannot draw from credit system");
        }
    },
    CREDIT_TARGET_TWICE {
        @Override
        Mutated apply(Catalog c, int pick) {
            return creditSchema(c, pick, single(c, pick), List.of(), "is already in the credit schema");
        }
    },
    ITEM_FEATURE_NOT_IN_CATALOG {
        @Override
        Mutated apply(Catalog c, int pick) {
            return append(
                    c,
                    pick,
                    "is not in the catalog",
                    List.of(),
                    featureItem(MISSING).included(5).monthly());
        }
    },
    ITEM_FEATURE_DIFFERS_FROM_DECLARATION {
        @Override
        Mutated apply(Catalog c, int pick) {
            Feature impostor = new BooleanFeature(single(c, pick).id(), "Impostor");
            return append(c, pick, "differs from the catalog's declaration", List.of(), featureItem(impostor));
        }
    },
    ENTITY_NOT_IN_CATALOG {
        @Override
        Mutated apply(Catalog c, int pick) {
            Feature ghost = feature("mut_ghost_seats").name("Ghost seats").continuousUse();
            return append(
                    c,
                    pick,
                    "entity feature 'mut_ghost_seats' is not in the catalog",
                    List.of(CALLS),
                    featureItem(CALLS).included(5).monthly().perEntity(ghost));
        }
    },
    ENTITY_NOT_CONTINUOUS {
        @Override
        Mutated apply(Catalog c, int pick) {
            return append(
                    c,
                    pick,
                    "must be continuous-use",
                    List.of(CALLS),
                    featureItem(CALLS).included(5).monthly().perEntity(single(c, pick)));
        }
    },
    BOOLEAN_WITH_INCLUDED {
        @Override
        Mutated apply(Catalog c, int pick) {
            return onBooleanItem(
                    c, pick, "cannot have included usage", List.of(), f -> new FeatureItem(f, 7, false, null, null));
        }
    },
    BOOLEAN_UNLIMITED {
        @Override
        Mutated apply(Catalog c, int pick) {
            return onBooleanItem(
                    c,
                    pick,
                    "cannot be unlimited",
                    List.of(),
                    f -> featureItem(f).unlimited());
        }
    },
    BOOLEAN_WITH_RESET {
        @Override
        Mutated apply(Catalog c, int pick) {
            return onBooleanItem(
                    c, pick, "cannot reset", List.of(), f -> featureItem(f).weekly());
        }
    },
    USAGE_PRICE_ON_BOOLEAN {
        @Override
        Mutated apply(Catalog c, int pick) {
            return onBooleanItem(
                    c,
                    pick,
                    "cannot have a usage price",
                    List.of(),
                    f -> pricedFeatureItem(f).price(2).prepaid().oneOff());
        }
    },
    CONTINUOUS_WITH_RESET {
        @Override
        Mutated apply(Catalog c, int pick) {
            return inPlaceOr(
                    c,
                    pick,
                    "cannot reset",
                    // An unlimited item drops its reset (it never resets), so only a finite one can carry one.
                    item -> item instanceof FeatureItem
                            && type(item) == FeatureType.CONTINUOUS_USE
                            && !((FeatureItem) item).isUnlimited(),
                    item -> {
                        FeatureItem f = (FeatureItem) item;
                        return new FeatureItem(f.feature(), f.included(), false, Cycle.of(Interval.MONTH), null);
                    },
                    List.of(SEATS),
                    featureItem(SEATS).included(2).monthly());
        }
    },
    PRICED_CONTINUOUS_WITH_RESET {
        @Override
        Mutated apply(Catalog c, int pick) {
            return inPlaceOr(
                    c,
                    pick,
                    "cannot reset",
                    item -> item instanceof PricedFeatureItem && type(item) == FeatureType.CONTINUOUS_USE,
                    item -> ((PricedFeatureItem) item).noReset(),
                    List.of(SEATS),
                    pricedFeatureItem(SEATS).price(3).prepaid().oneOff().noReset());
        }
    },
    CONSUMABLE_WITHOUT_RESET {
        @Override
        Mutated apply(Catalog c, int pick) {
            return inPlaceOr(
                    c,
                    pick,
                    "needs a reset",
                    Mutation::finiteConsumable,
                    item -> {
                        FeatureItem f = (FeatureItem) item;
                        return new FeatureItem(f.feature(), f.included(), false, null, f.entityFeature());
                    },
                    List.of(CALLS),
                    featureItem(CALLS).included(3));
        }
    },
    SECOND_PRICE_ITEM {
        @Override
        Mutated apply(Catalog c, int pick) {
            Product p = productAt(c, pick);
            List<PriceItem> prices = p.priceItems();
            if (prices.isEmpty()) {
                return append(
                        c,
                        p,
                        "only one price item",
                        List.of(),
                        priceItem(7).oneOff(),
                        priceItem(8).oneOff());
            }
            return append(
                    c,
                    p,
                    "only one price item",
                    List.of(),
                    new PriceItem(new BigDecimal("7"), prices.get(0).billing()));
        }
    },
    TWO_ITEMS_ONE_FEATURE_AND_RESET {
        @Override
        Mutated apply(Catalog c, int pick) {
            Optional<Location> found = find(c, pick, item -> !(item instanceof PriceItem));
            if (found.isPresent()) {
                Location at = found.get();
                return append(c, at.product(), "Autumn refuses two such items", List.of(), at.item());
            }
            return append(
                    c, pick, "Autumn refuses two such items", List.of(FLAG), featureItem(FLAG), featureItem(FLAG));
        }
    },
    WEEKLY_AND_MONTHLY {
        @Override
        Mutated apply(Catalog c, int pick) {
            Product p = productAt(c, pick);
            List<Interval> intervals = p.items().stream()
                    .map(Mutation::billing)
                    .filter(cycle -> cycle != null && !cycle.isOneOff())
                    .map(Cycle::interval)
                    .collect(Collectors.toList());
            PricedFeatureItem monthly =
                    pricedFeatureItem(CALLS).price(1).payPerUse().monthly();
            PricedFeatureItem weekly =
                    pricedFeatureItem(AI).price(1).payPerUse().weekly();
            String fragment = "cannot bill both weekly and monthly";
            if (intervals.contains(Interval.WEEK)) {
                return append(c, p, fragment, List.of(CALLS), monthly);
            }
            if (intervals.contains(Interval.MONTH)) {
                return append(c, p, fragment, List.of(AI), weekly);
            }
            return append(c, p, fragment, List.of(CALLS, AI), monthly, weekly);
        }
    },
    PAY_PER_USE_ONE_OFF {
        @Override
        Mutated apply(Catalog c, int pick) {
            return inPlaceOr(
                    c,
                    pick,
                    "cannot be billed one-off",
                    item -> payPerUse(item),
                    item -> {
                        PricedFeatureItem p = (PricedFeatureItem) item;
                        return priced(p, p.price(), p.included(), Cycle.ONE_OFF, p.reset());
                    },
                    List.of(CALLS),
                    pricedFeatureItem(CALLS).price(1).payPerUse().oneOff());
        }
    },
    PAY_PER_USE_RESET_OTHER_THAN_BILLING {
        @Override
        Mutated apply(Catalog c, int pick) {
            return inPlaceOr(
                    c,
                    pick,
                    "must reset when it is billed",
                    item -> payPerUse(item) && type(item).isConsumable(),
                    item -> ((PricedFeatureItem) item).noReset(),
                    List.of(CALLS),
                    pricedFeatureItem(CALLS).price(1).payPerUse().yearly().noReset());
        }
    },
    VOLUME_TIERS_PAY_PER_USE {
        @Override
        Mutated apply(Catalog c, int pick) {
            return inPlaceOr(
                    c,
                    pick,
                    "volume tiers need a prepaid item",
                    item -> payPerUse(item) && ((PricedFeatureItem) item).price() instanceof TieredPrice,
                    item -> {
                        PricedFeatureItem p = (PricedFeatureItem) item;
                        TieredPrice tiers = (TieredPrice) p.price();
                        return priced(
                                p,
                                new TieredPrice(tiers.tiers(), TierBehavior.VOLUME),
                                p.included(),
                                p.billing(),
                                p.reset());
                    },
                    List.of(CALLS),
                    pricedFeatureItem(CALLS)
                            .volumeTiers(tier(10, 1), lastTier(1))
                            .payPerUse()
                            .yearly());
        }
    },
    PRORATION_PAY_PER_USE {
        @Override
        Mutated apply(Catalog c, int pick) {
            return inPlaceOr(
                    c,
                    pick,
                    "proration needs a prepaid item",
                    item -> payPerUse(item),
                    item -> ((PricedFeatureItem) item).prorate(OnIncrease.PRORATE_IMMEDIATELY, OnDecrease.NONE),
                    List.of(CALLS),
                    pricedFeatureItem(CALLS)
                            .price(1)
                            .payPerUse()
                            .yearly()
                            .prorate(OnIncrease.PRORATE_IMMEDIATELY, OnDecrease.NONE));
        }
    },
    PREPAID_BILL_IMMEDIATELY {
        @Override
        Mutated apply(Catalog c, int pick) {
            return inPlaceOr(
                    c,
                    pick,
                    "cannot use OnIncrease.BILL_IMMEDIATELY",
                    item -> item instanceof PricedFeatureItem && !payPerUse(item),
                    item -> ((PricedFeatureItem) item).prorate(OnIncrease.BILL_IMMEDIATELY, OnDecrease.PRORATE),
                    List.of(CALLS),
                    pricedFeatureItem(CALLS)
                            .price(1)
                            .prepaid()
                            .oneOff()
                            .prorate(OnIncrease.BILL_IMMEDIATELY, OnDecrease.PRORATE));
        }
    },
    ROLLOVER_CONTINUOUS_PAY_PER_USE {
        @Override
        Mutated apply(Catalog c, int pick) {
            return inPlaceOr(
                    c,
                    pick,
                    "cannot roll over",
                    item -> payPerUse(item) && type(item) == FeatureType.CONTINUOUS_USE,
                    item -> ((PricedFeatureItem) item)
                            .rollover(rollover().upTo(1).forever()),
                    List.of(SEATS),
                    pricedFeatureItem(SEATS)
                            .price(1)
                            .payPerUse()
                            .yearly()
                            .rollover(rollover().upTo(1).forever()));
        }
    },
    SINGLE_TIER {
        @Override
        Mutated apply(Catalog c, int pick) {
            return onTiers(
                    c,
                    pick,
                    "a single tier",
                    -1,
                    tiers -> List.of(new Tier(null, last(tiers).amount(), null)),
                    pricedFeatureItem(CALLS).tiers(lastTier(1)).payPerUse().yearly());
        }
    },
    TIERS_NOT_ASCENDING {
        @Override
        Mutated apply(Catalog c, int pick) {
            Optional<Location> found = find(c, pick, item -> tiers(item).size() >= 3);
            if (found.isPresent()) {
                return onTiers(
                        c,
                        found.get(),
                        "list tiers in ascending order",
                        1,
                        tiers -> replace(
                                tiers,
                                1,
                                new Tier(
                                        tiers.get(0).upTo(),
                                        tiers.get(1).amount(),
                                        tiers.get(1).flatAmount())));
            }
            return appendTiered(
                    c,
                    pick,
                    "list tiers in ascending order",
                    1,
                    pricedFeatureItem(CALLS)
                            .tiers(tier(100, 1), tier(50, 1), lastTier(1))
                            .payPerUse()
                            .yearly());
        }
    },
    LAST_TIER_BOUNDED {
        @Override
        Mutated apply(Catalog c, int pick) {
            return onTiers(
                    c,
                    pick,
                    "the last tier must be unbounded",
                    Integer.MAX_VALUE,
                    tiers -> replace(
                            tiers,
                            tiers.size() - 1,
                            new Tier(
                                    tiers.get(tiers.size() - 2).upTo() + 1,
                                    last(tiers).amount(),
                                    last(tiers).flatAmount())),
                    pricedFeatureItem(CALLS)
                            .tiers(tier(10, 2), tier(20, 1))
                            .payPerUse()
                            .yearly());
        }
    },
    UNBOUNDED_TIER_NOT_LAST {
        @Override
        Mutated apply(Catalog c, int pick) {
            return onTiers(
                    c,
                    pick,
                    "only the last tier can be unbounded",
                    0,
                    tiers -> replace(
                            tiers,
                            0,
                            new Tier(null, tiers.get(0).amount(), tiers.get(0).flatAmount())),
                    pricedFeatureItem(CALLS)
                            .tiers(lastTier(2), lastTier(1))
                            .payPerUse()
                            .yearly());
        }
    },
    FIRST_TIER_NOT_ABOVE_INCLUDED {
        @Override
        Mutated apply(Catalog c, int pick) {
            Optional<Location> found = find(c, pick, item -> tiers(item).size() >= 2);
            String fragment = "the first tier must end above included usage";
            if (found.isPresent()) {
                Location at = found.get();
                PricedFeatureItem p = (PricedFeatureItem) at.item();
                long upTo = tiers(p).get(0).upTo();
                return replaceItem(
                        c,
                        at,
                        priced(p, p.price(), upTo, p.billing(), p.reset()),
                        List.of(),
                        at.path() + ".tiers[0]",
                        fragment);
            }
            return appendTiered(
                    c,
                    pick,
                    fragment,
                    0,
                    pricedFeatureItem(CALLS)
                            .included(100)
                            .tiers(tier(100, 1), lastTier(1))
                            .payPerUse()
                            .yearly());
        }
    },
    FLAT_AMOUNT_ON_GRADUATED_TIERS {
        @Override
        Mutated apply(Catalog c, int pick) {
            Optional<Location> found = find(
                    c,
                    pick,
                    item -> tiers(item).size() >= 2
                            && ((TieredPrice) ((PricedFeatureItem) item).price()).behavior() == TierBehavior.GRADUATED);
            String fragment = "a flat amount needs volume tiers";
            if (found.isPresent()) {
                return onTiers(
                        c,
                        found.get(),
                        fragment,
                        0,
                        tiers -> replace(tiers, 0, tiers.get(0).flat(5)));
            }
            return appendTiered(
                    c,
                    pick,
                    fragment,
                    0,
                    pricedFeatureItem(CALLS)
                            .tiers(tier(10, 1).flat(5), lastTier(1))
                            .payPerUse()
                            .yearly());
        }
    },
    FREE_TRIAL_ON_FREE_PRODUCT {
        @Override
        Mutated apply(Catalog c, int pick) {
            FreeTrial trial = freeTrial(7).days();
            Optional<Product> free = rotated(c, pick).stream()
                    .filter(p -> p.isFree() && p.freeTrial() == null)
                    .findFirst();
            String fragment = "a free product's free trial cannot require a card";
            if (free.isPresent()) {
                Product p = free.get();
                return new Mutated(replace(c, p, p.freeTrial(trial)), "products[" + p.id() + "].freeTrial", fragment);
            }
            Product added = product("mut_free").name("Free").freeTrial(trial);
            return new Mutated(withProducts(c, added), "products[mut_free].freeTrial", fragment);
        }
    },
    FREE_TRIAL_ALL_ONE_OFF {
        @Override
        Mutated apply(Catalog c, int pick) {
            FreeTrial trial = freeTrial(7).days();
            Optional<Product> oneOff = rotated(c, pick).stream()
                    .filter(p -> !p.isFree()
                            && p.freeTrial() == null
                            && p.items().stream()
                                    .map(Mutation::billing)
                                    .allMatch(cycle -> cycle == null || cycle.isOneOff()))
                    .findFirst();
            String fragment = "prices are all one-off";
            if (oneOff.isPresent()) {
                Product p = oneOff.get();
                return new Mutated(replace(c, p, p.freeTrial(trial)), "products[" + p.id() + "].freeTrial", fragment);
            }
            Product added =
                    product("mut_pack").name("Pack").item(priceItem(5).oneOff()).freeTrial(trial);
            return new Mutated(withProducts(c, added), "products[mut_pack].freeTrial", fragment);
        }
    },
    DEFAULT_NOT_FREE {
        @Override
        Mutated apply(Catalog c, int pick) {
            Optional<Product> paid = rotated(c, pick).stream()
                    .filter(p -> !p.isFree()
                            && !p.isDefault()
                            && (p.freeTrial() == null || p.freeTrial().cardRequired()))
                    .findFirst();
            String fragment = "a default product must be free";
            if (paid.isPresent()) {
                Product p = paid.get();
                return new Mutated(replace(c, p, p.defaultProduct()), "products[" + p.id() + "]", fragment);
            }
            Product added = product("mut_paid")
                    .name("Paid")
                    .item(priceItem(5).monthly())
                    .defaultProduct();
            return new Mutated(withProducts(c, added), "products[mut_paid]", fragment);
        }
    },
    SECOND_FREE_DEFAULT {
        @Override
        Mutated apply(Catalog c, int pick) {
            Optional<Product> existing = rotated(c, pick).stream()
                    .filter(p -> p.isDefault() && p.isFree())
                    .findFirst();
            String group = existing.isPresent() ? existing.get().group() : "mut_group";
            Product second =
                    product("mut_free_default").name("Free too").group(group).defaultProduct();
            String fragment = "already has a free default product";
            if (existing.isPresent()) {
                return new Mutated(withProducts(c, second), "products[mut_free_default]", fragment);
            }
            Product first = product("mut_free_first").name("Free").group(group).defaultProduct();
            return new Mutated(withProducts(c, first, second), "products[mut_free_default]", fragment);
        }
    },
    SECOND_DEFAULT_TRIAL {
        @Override
        Mutated apply(Catalog c, int pick) {
            Optional<Product> existing = rotated(c, pick).stream()
                    .filter(p -> p.isDefault() && !p.isFree())
                    .findFirst();
            String group = existing.isPresent() ? existing.get().group() : "mut_group";
            Product second = defaultTrial("mut_trial_default", group);
            String fragment = "already has a default trial product";
            if (existing.isPresent()) {
                return new Mutated(withProducts(c, second), "products[mut_trial_default]", fragment);
            }
            return new Mutated(
                    withProducts(c, defaultTrial("mut_trial_first", group), second),
                    "products[mut_trial_default]",
                    fragment);
        }
    },

    // Value rules. Each offender is written with DSL steps, so its problem must also carry this file's line.

    FEATURE_ID_NOT_AN_ID {
        @Override
        Mutated apply(Catalog c, int pick) {
            Feature bad = feature("mut bad").name("Bad id").booleanFlag();
            return located(new Mutated(withFeatures(c, bad), "features[mut bad]", "feature id must contain only"));
        }
    },
    EVENT_NAME_EMPTY {
        @Override
        Mutated apply(Catalog c, int pick) {
            Feature bad = feature("mut_events").name("Events").singleUse().eventNames("api.call", "");
            return located(new Mutated(
                    withFeatures(c, bad), "features[mut_events]", "feature 'mut_events' event name 2 is empty"));
        }
    },
    FEATURE_NAME_LONE_SURROGATE {
        @Override
        Mutated apply(Catalog c, int pick) {
            Feature bad = feature("mut_rocket").name("Rocket \uD83D").booleanFlag();
            return located(new Mutated(withFeatures(c, bad), "features[mut_rocket]", "has a lone surrogate"));
        }
    },
    PRODUCT_DESCRIPTION_NUL {
        @Override
        Mutated apply(Catalog c, int pick) {
            Product p = productAt(c, pick);
            Product described = p.description("nul\0").addOn();
            return located(new Mutated(
                    replace(c, p, described), "products[" + p.id() + "]", "description has a NUL character"));
        }
    },
    PRODUCT_ID_NOT_AN_ID {
        @Override
        Mutated apply(Catalog c, int pick) {
            Product bad = product("mut bad").name("Bad id");
            return located(new Mutated(withProducts(c, bad), "products[mut bad]", "product id must contain only"));
        }
    },
    PRODUCT_NAME_EMPTY {
        @Override
        Mutated apply(Catalog c, int pick) {
            Product p = productAt(c, pick);
            // In place, then one more step: the line of .name("") must survive the copy.
            Product renamed = p.name("").addOn();
            return located(
                    new Mutated(replace(c, p, renamed), "products[" + p.id() + "]", "needs a non-empty name, was ''"));
        }
    },
    PRICE_NEGATIVE {
        @Override
        Mutated apply(Catalog c, int pick) {
            return onPrice(c, pick, priceItem(-5), "price amount must be ≥ 0, was -5");
        }
    },
    PRICE_THREE_DECIMALS {
        @Override
        Mutated apply(Catalog c, int pick) {
            return onPrice(c, pick, priceItem("9.999"), "at most 2 decimal places, was 9.999");
        }
    },
    PRICE_NOT_A_NUMBER {
        @Override
        Mutated apply(Catalog c, int pick) {
            return onPrice(c, pick, priceItem("9,99"), "must be a decimal number such as \"9.99\", was '9,99'");
        }
    },
    PRICE_BILLED_DAILY {
        @Override
        Mutated apply(Catalog c, int pick) {
            return located(inPlaceOr(
                    c,
                    pick,
                    "a price cannot be billed every day",
                    item -> item instanceof PriceItem,
                    item -> priceItem(((PriceItem) item).amount()).every(2, Interval.DAY),
                    List.of(),
                    priceItem(5).every(2, Interval.DAY)));
        }
    },
    CYCLE_COUNT_BELOW_ONE {
        @Override
        Mutated apply(Catalog c, int pick) {
            return located(append(
                    c,
                    pick,
                    "interval count must be ≥ 1, was 0",
                    List.of(CALLS),
                    featureItem(CALLS).included(5).resetEvery(0, Interval.MONTH)));
        }
    },
    INCLUDED_NEGATIVE {
        @Override
        Mutated apply(Catalog c, int pick) {
            return located(inPlaceOr(
                    c,
                    pick,
                    "included usage must be ≥ 0, was -5",
                    Mutation::finiteConsumable,
                    item -> ((FeatureItem) item).included(-5),
                    List.of(CALLS),
                    featureItem(CALLS).included(-5).monthly()));
        }
    },
    UNLIMITED_AND_INCLUDED {
        @Override
        Mutated apply(Catalog c, int pick) {
            return located(inPlaceOr(
                    c,
                    pick,
                    "cannot be unlimited and include",
                    Mutation::finiteConsumable,
                    item -> ((FeatureItem) item).unlimited(),
                    List.of(CALLS),
                    featureItem(CALLS).included(5).unlimited()));
        }
    },
    PRICED_INCLUDED_NEGATIVE {
        @Override
        Mutated apply(Catalog c, int pick) {
            return appendPriced(
                    c,
                    pick,
                    "included usage must be ≥ 0, was -1",
                    pricedFeatureItem(CALLS).included(-1).price(1).payPerUse().monthly());
        }
    },
    USAGE_PRICE_NOT_POSITIVE {
        @Override
        Mutated apply(Catalog c, int pick) {
            return appendPriced(
                    c,
                    pick,
                    "usage price amount must be > 0, was 0",
                    pricedFeatureItem(CALLS).price(0).payPerUse().monthly());
        }
    },
    USAGE_PRICE_NOT_A_NUMBER {
        @Override
        Mutated apply(Catalog c, int pick) {
            return appendPriced(
                    c,
                    pick,
                    "usage price amount must be a decimal number",
                    pricedFeatureItem(CALLS).price("cheap").payPerUse().monthly());
        }
    },
    BILLING_UNITS_BELOW_ONE {
        @Override
        Mutated apply(Catalog c, int pick) {
            return appendPriced(
                    c,
                    pick,
                    "billing units must be ≥ 1, was 0",
                    pricedFeatureItem(CALLS).price(1).per(0).payPerUse().monthly());
        }
    },
    USAGE_BILLED_HOURLY {
        @Override
        Mutated apply(Catalog c, int pick) {
            return appendPriced(
                    c,
                    pick,
                    "usage cannot be billed every hour",
                    pricedFeatureItem(CALLS).price(1).payPerUse().every(1, Interval.HOUR));
        }
    },
    MAX_PURCHASE_BELOW_ONE {
        @Override
        Mutated apply(Catalog c, int pick) {
            return located(inPlaceOr(
                    c,
                    pick,
                    "max purchase must be ≥ 1, was 0",
                    item -> item instanceof PricedFeatureItem,
                    item -> ((PricedFeatureItem) item).maxPurchase(0),
                    List.of(CALLS),
                    pricedFeatureItem(CALLS).price(1).prepaid().oneOff().maxPurchase(0)));
        }
    },
    TIERS_EMPTY {
        @Override
        Mutated apply(Catalog c, int pick) {
            return appendPriced(
                    c,
                    pick,
                    "a tiered price needs at least one tier, was none",
                    pricedFeatureItem(CALLS).tiers().payPerUse().monthly());
        }
    },
    TIER_UP_TO_BELOW_ONE {
        @Override
        Mutated apply(Catalog c, int pick) {
            return located(appendTiered(
                    c,
                    pick,
                    "tier upTo must be ≥ 1, was 0",
                    0,
                    pricedFeatureItem(CALLS)
                            .tiers(tier(0, 1), lastTier(1))
                            .payPerUse()
                            .monthly()));
        }
    },
    TIER_AMOUNT_NEGATIVE {
        @Override
        Mutated apply(Catalog c, int pick) {
            return located(appendTiered(
                    c,
                    pick,
                    "tier amount must be ≥ 0, was -1",
                    1,
                    pricedFeatureItem(CALLS)
                            .tiers(tier(10, 1), lastTier(-1))
                            .payPerUse()
                            .monthly()));
        }
    },
    TIER_FLAT_AMOUNT_NEGATIVE {
        @Override
        Mutated apply(Catalog c, int pick) {
            return located(appendTiered(
                    c,
                    pick,
                    "tier flat amount must be ≥ 0, was -1",
                    0,
                    pricedFeatureItem(CALLS)
                            .volumeTiers(tier(10, 1).flat(-1), lastTier(1))
                            .prepaid()
                            .monthly()));
        }
    },
    CREDIT_COST_NEGATIVE {
        @Override
        Mutated apply(Catalog c, int pick) {
            Feature credits =
                    feature("mut_credits").name("Mutant credits").creditSystem(Autumn.cost(single(c, pick), -1));
            return located(new Mutated(
                    withFeatures(c, credits), "features[mut_credits].creditSchema[0]", "must be ≥ 0, was -1"));
        }
    },
    CREDIT_SCHEMA_EMPTY {
        @Override
        Mutated apply(Catalog c, int pick) {
            Feature credits = feature("mut_credits").name("Mutant credits").creditSystem();
            return located(
                    new Mutated(withFeatures(c, credits), "features[mut_credits]", "needs at least one credit cost"));
        }
    },
    TRIAL_LENGTH_BELOW_ONE {
        @Override
        Mutated apply(Catalog c, int pick) {
            Product added = product("mut_trial")
                    .name("Trial")
                    .item(priceItem(5).monthly())
                    .freeTrial(freeTrial(0).days());
            return located(new Mutated(
                    withProducts(c, added), "products[mut_trial].freeTrial", "free trial length must be ≥ 1, was 0"));
        }
    },
    ROLLOVER_CAP_BELOW_ONE {
        @Override
        Mutated apply(Catalog c, int pick) {
            return appendPriced(
                    c,
                    pick,
                    "rollover cap must be ≥ 1, was 0",
                    rolling(rollover().upTo(0).forever()));
        }
    },
    ROLLOVER_PERCENTAGE_ABOVE_100 {
        @Override
        Mutated apply(Catalog c, int pick) {
            return appendPriced(
                    c,
                    pick,
                    "rollover percentage must be in (0, 100], was 101",
                    rolling(rollover().upToPercent(101).forever()));
        }
    },
    ROLLOVER_MONTHS_BELOW_ONE {
        @Override
        Mutated apply(Catalog c, int pick) {
            return appendPriced(
                    c,
                    pick,
                    "rollover months must be ≥ 1, was 0",
                    rolling(rollover().upTo(5).forMonths(0)));
        }
    };

    /**
     * A mutated catalog, the path that must carry a problem, a fragment of that problem's message, and whether the
     * problem must also carry the line of this file that wrote the bad value.
     */
    record Mutated(Catalog catalog, String path, String fragment, boolean located) {
        Mutated(Catalog catalog, String path, String fragment) {
            this(catalog, path, fragment, false);
        }
    }

    /** Where an item sits. */
    record Location(Product product, int index, Item item) {
        String path() {
            return "products[" + product.id() + "].items[" + index + "]";
        }
    }

    static final Feature CALLS = feature("mut_calls").name("Mutant calls").singleUse();
    static final Feature AI = feature("mut_ai").name("Mutant AI").singleUse();
    static final Feature SEATS = feature("mut_seats").name("Mutant seats").continuousUse();
    static final Feature FLAG = feature("mut_flag").name("Mutant flag").booleanFlag();
    static final Feature MISSING = feature("mut_missing").name("Never declared").singleUse();

    /** Breaks one rule of {@code valid}; {@code pick} chooses the target among the candidates. */
    abstract Mutated apply(Catalog valid, int pick);

    // Targets

    private static Product productAt(Catalog c, int pick) {
        return c.products().get(Math.floorMod(pick, c.products().size()));
    }

    /** The products, starting at the picked one. */
    private static List<Product> rotated(Catalog c, int pick) {
        List<Product> products = new ArrayList<>(c.products());
        Collections.rotate(products, -Math.floorMod(pick, products.size()));
        return products;
    }

    private static Optional<Location> find(Catalog c, int pick, Predicate<Item> test) {
        for (Product product : rotated(c, pick)) {
            for (int i = 0; i < product.items().size(); i++) {
                if (test.test(product.items().get(i))) {
                    return Optional.of(new Location(product, i, product.items().get(i)));
                }
            }
        }
        return Optional.empty();
    }

    private static Feature single(Catalog c, int pick) {
        List<Feature> singles = c.features().stream()
                .filter(f -> f.type() == FeatureType.SINGLE_USE)
                .collect(Collectors.toList());
        return singles.get(Math.floorMod(pick, singles.size()));
    }

    private static FeatureType type(Item item) {
        return item.feature() == null ? null : item.feature().type();
    }

    private static boolean finiteConsumable(Item item) {
        return item instanceof FeatureItem && type(item).isConsumable() && !((FeatureItem) item).isUnlimited();
    }

    private static boolean payPerUse(Item item) {
        return item instanceof PricedFeatureItem
                && ((PricedFeatureItem) item).billingMethod() == BillingMethod.PAY_PER_USE;
    }

    private static Cycle billing(Item item) {
        if (item instanceof PriceItem) {
            return ((PriceItem) item).billing();
        }
        if (item instanceof PricedFeatureItem) {
            return ((PricedFeatureItem) item).billing();
        }
        return null;
    }

    private static List<Tier> tiers(Item item) {
        if (item instanceof PricedFeatureItem && ((PricedFeatureItem) item).price() instanceof TieredPrice) {
            return ((TieredPrice) ((PricedFeatureItem) item).price()).tiers();
        }
        return List.of();
    }

    private static Tier last(List<Tier> tiers) {
        return tiers.get(tiers.size() - 1);
    }

    // Changes

    private static Catalog withFeatures(Catalog c, Feature... more) {
        List<Feature> features = new ArrayList<>(c.features());
        for (Feature feature : more) {
            if (!features.contains(feature)) {
                features.add(feature);
            }
        }
        return new Catalog(features, c.products());
    }

    private static Catalog withProducts(Catalog c, Product... more) {
        List<Product> products = new ArrayList<>(c.products());
        products.addAll(Arrays.asList(more));
        return new Catalog(c.features(), products);
    }

    private static Catalog replace(Catalog c, Product old, Product updated) {
        List<Product> products = new ArrayList<>(c.products());
        products.set(products.indexOf(old), updated);
        return new Catalog(c.features(), products);
    }

    private static <T> List<T> replace(List<T> list, int index, T value) {
        List<T> copy = new ArrayList<>(list);
        copy.set(index, value);
        return copy;
    }

    private static Mutated replaceItem(
            Catalog c, Location at, Item item, List<Feature> features, String path, String fragment) {
        List<Item> items = replace(at.product().items(), at.index(), item);
        Product p = at.product();
        Product updated = new Product(
                p.id(), p.name(), p.description(), p.group(), p.isAddOn(), p.isDefault(), p.freeTrial(), items);
        Catalog replaced = replace(c, p, updated);
        return new Mutated(withFeatures(replaced, features.toArray(new Feature[0])), path, fragment);
    }

    /** Appends {@code items} to the picked product; the path is the last one's. */
    private static Mutated append(Catalog c, int pick, String fragment, List<Feature> features, Item... items) {
        return append(c, productAt(c, pick), fragment, features, items);
    }

    private static Mutated append(Catalog c, Product p, String fragment, List<Feature> features, Item... items) {
        Product updated = p.items(items);
        String path = "products[" + p.id() + "].items[" + (updated.items().size() - 1) + "]";
        return new Mutated(withFeatures(replace(c, p, updated), features.toArray(new Feature[0])), path, fragment);
    }

    private static Mutated inPlaceOr(
            Catalog c,
            int pick,
            String fragment,
            Predicate<Item> applies,
            UnaryOperator<Item> change,
            List<Feature> features,
            Item appended) {
        Optional<Location> found = find(c, pick, applies);
        if (found.isPresent()) {
            Location at = found.get();
            return replaceItem(c, at, change.apply(at.item()), List.of(), at.path(), fragment);
        }
        return append(c, pick, fragment, features, appended);
    }

    private static Mutated onBooleanItem(
            Catalog c, int pick, String fragment, List<Feature> features, Function<Feature, Item> change) {
        Optional<Location> found =
                find(c, pick, item -> item instanceof FeatureItem && type(item) == FeatureType.BOOLEAN);
        if (found.isPresent()) {
            Location at = found.get();
            return replaceItem(c, at, change.apply(at.item().feature()), features, at.path(), fragment);
        }
        List<Feature> all = new ArrayList<>(features);
        all.add(FLAG);
        return append(c, pick, fragment, all, change.apply(FLAG));
    }

    private static Mutated creditSchema(Catalog c, int pick, Feature bad, List<Feature> added, String fragment) {
        Feature creditSystem =
                new CreditSystem("mut_credits", "Mutant credits", List.of(cost(single(c, pick)), cost(bad)));
        List<Feature> features = new ArrayList<>(added);
        features.add(creditSystem);
        return new Mutated(
                withFeatures(c, features.toArray(new Feature[0])), "features[mut_credits].creditSchema[1]", fragment);
    }

    private static CreditCost cost(Feature feature) {
        return new CreditCost(feature, BigDecimal.ONE);
    }

    /**
     * Changes the tiers of a tiered item in place (the problem is at {@code tierIndex}, clamped to the last tier; -1 =
     * the item itself), or appends {@code appended}.
     */
    private static Mutated onTiers(
            Catalog c,
            int pick,
            String fragment,
            int tierIndex,
            UnaryOperator<List<Tier>> change,
            PricedFeatureItem appended) {
        Optional<Location> found = find(c, pick, item -> tiers(item).size() >= 2);
        if (found.isPresent()) {
            return onTiers(c, found.get(), fragment, tierIndex, change);
        }
        return appendTiered(c, pick, fragment, tierIndex, appended);
    }

    private static Mutated onTiers(
            Catalog c, Location at, String fragment, int tierIndex, UnaryOperator<List<Tier>> change) {
        PricedFeatureItem p = (PricedFeatureItem) at.item();
        TieredPrice price = (TieredPrice) p.price();
        List<Tier> tiers = change.apply(price.tiers());
        Item changed = priced(p, new TieredPrice(tiers, price.behavior()), p.included(), p.billing(), p.reset());
        return replaceItem(c, at, changed, List.of(), tierPath(at.path(), tierIndex, tiers.size()), fragment);
    }

    private static Mutated appendTiered(
            Catalog c, int pick, String fragment, int tierIndex, PricedFeatureItem appended) {
        Mutated mutated = append(c, pick, fragment, List.of(appended.feature()), appended);
        return new Mutated(
                mutated.catalog(),
                tierPath(mutated.path(), tierIndex, tiers(appended).size()),
                mutated.fragment());
    }

    private static String tierPath(String itemPath, int tierIndex, int size) {
        return tierIndex < 0 ? itemPath : itemPath + ".tiers[" + Math.min(tierIndex, size - 1) + "]";
    }

    private static PricedFeatureItem priced(
            PricedFeatureItem p, UsagePrice price, long included, Cycle billing, Cycle reset) {
        return new PricedFeatureItem(
                p.feature(),
                included,
                price,
                p.billingUnits(),
                p.billingMethod(),
                billing,
                reset,
                p.maxPurchase(),
                p.rollover(),
                p.proration(),
                p.entityFeature());
    }

    private static Mutated located(Mutated mutated) {
        return new Mutated(mutated.catalog(), mutated.path(), mutated.fragment(), true);
    }

    /** Replaces the picked product's price by one of {@code step}, billed alike, or appends a one-off one. */
    private static Mutated onPrice(Catalog c, int pick, PriceStep step, String fragment) {
        return located(inPlaceOr(
                c,
                pick,
                fragment,
                item -> item instanceof PriceItem,
                item -> {
                    Cycle billing = ((PriceItem) item).billing();
                    return billing.isOneOff() ? step.oneOff() : step.every(billing.count(), billing.interval());
                },
                List.of(),
                step.oneOff()));
    }

    private static Mutated appendPriced(Catalog c, int pick, String fragment, PricedFeatureItem item) {
        return located(append(c, pick, fragment, List.of(item.feature()), item));
    }

    private static PricedFeatureItem rolling(Rollover rollover) {
        return pricedFeatureItem(CALLS).price(1).prepaid().monthly().rollover(rollover);
    }

    private static Product defaultTrial(String id, String group) {
        return product(id)
                .name("Trial")
                .group(group)
                .item(priceItem(9).monthly())
                .freeTrial(freeTrial(7).days().noCardRequired())
                .defaultProduct();
    }
}
