package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.cost;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.freeTrial;
import static dev.autumncatalog.dsl.Autumn.lastTier;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.dsl.Autumn.rollover;
import static dev.autumncatalog.dsl.Autumn.tier;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.dsl.OnDecrease;
import dev.autumncatalog.dsl.OnIncrease;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.dsl.Tier;
import java.math.BigDecimal;

/** The catalogs of the recordings, written in the DSL: seed (10-atmn1-push-seed) and rich (12-atmn1-push-rich). */
final class Catalogs {
    private Catalogs() {}

    // Seed
    static final Feature AI_TOKENS = feature("ai_tokens").name("AI Tokens").singleUse();
    static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
    static final Product PACK = product("api-call-pack-1000")
            .name("API Call Pack (1000)")
            .addOn()
            .item(priceItem(5).oneOff())
            .item(featureItem(API_CALLS).included(1000).noReset());
    static final Product PAID = product("starterapp-demo-paid")
            .name("Paid Plan")
            .item(priceItem(10).monthly())
            .item(featureItem(API_CALLS).included(10_000).monthly())
            .item(featureItem(AI_TOKENS).included(50_000).monthly());
    static final Catalog SEED = new Catalog(java.util.List.of(AI_TOKENS, API_CALLS), java.util.List.of(PACK, PAID));

    // Rich
    static final Feature BASIC =
            feature("basic_model").name("Basic Model Messages").singleUse();
    static final Feature PREMIUM =
            feature("premium_model").name("Premium Model Messages").singleUse();
    static final Feature SEATS = feature("seats").name("Seats").continuousUse();
    static final Feature SSO = feature("sso").name("SSO").booleanFlag();
    static final Feature CREDITS = feature("credits").name("AI Credits").creditSystem(cost(BASIC, 1), cost(PREMIUM, 5));
    static final Product FREE = product("free")
            .name("Free")
            .group("main")
            .defaultProduct()
            .item(featureItem(CREDITS).included(100).monthly())
            .item(featureItem(SEATS).included(1));
    static final Product PRO = product("pro")
            .name("Pro")
            .description("For growing teams")
            .group("main")
            .item(priceItem(20).monthly())
            .item(featureItem(SSO))
            .item(featureItem(BASIC).unlimited())
            .item(featureItem(PREMIUM).included(50).monthly().perEntity(SEATS))
            .item(pricedFeatureItem(SEATS).included(3).price(10).prepaid().monthly())
            .item(pricedFeatureItem(CREDITS)
                    .tiers(tier(1000, "0.01"), lastTier("0.008"))
                    .per(100)
                    .payPerUse()
                    .monthly())
            .freeTrial(freeTrial(14).days());
    static final Product TOPUP = product("credit_topup")
            .name("Credit Top-up")
            .group("main")
            .addOn()
            .item(pricedFeatureItem(CREDITS).price(5).per(1000).prepaid().oneOff());
    static final Catalog RICH =
            new Catalog(java.util.List.of(BASIC, PREMIUM, SEATS, SSO, CREDITS), java.util.List.of(FREE, PRO, TOPUP));

    /** Everything else the wire format carries: rollover, proration, volume tiers, counts, caps, trial without card. */
    static final Product EVERYTHING = product("everything")
            .name("Everything")
            .description("All the knobs")
            .item(priceItem("99.99").every(3, Interval.MONTH))
            .item(featureItem(API_CALLS).included(500).resetEvery(2, Interval.WEEK))
            .item(pricedFeatureItem(SEATS)
                    .included(2)
                    .volumeTiers(
                            new Tier(10L, new BigDecimal("8.50"), new BigDecimal("5")),
                            new Tier(null, new BigDecimal("7.25"), new BigDecimal("0")))
                    .prepaid()
                    .every(3, Interval.MONTH)
                    .prorate(OnIncrease.BILL_IMMEDIATELY, OnDecrease.NO_PRORATIONS)
                    .maxPurchase(100))
            .item(pricedFeatureItem(CREDITS)
                    .included(1000)
                    .price("0.0125")
                    .per(1000)
                    .prepaid()
                    .every(3, Interval.MONTH)
                    .resetEvery(1, Interval.MONTH)
                    .rollover(rollover().upTo(500).forMonths(2)))
            .item(pricedFeatureItem(AI_TOKENS)
                    .included(100)
                    .price("0.001")
                    .payPerUse()
                    .every(3, Interval.MONTH)
                    .rollover(rollover().upToPercent(50).forever()))
            .freeTrial(freeTrial(1).months().noCardRequired());

    static Catalog all() {
        return catalog(RICH, SEED, EVERYTHING);
    }
}
