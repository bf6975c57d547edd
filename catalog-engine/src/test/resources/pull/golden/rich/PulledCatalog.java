// Pulled from Autumn. Edit it as your own catalog; a pull refuses to replace it once edited.
package com.example.pricing;

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
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.dsl.OnDecrease;
import dev.autumncatalog.dsl.OnIncrease;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.dsl.Rollover;
import java.math.BigDecimal;

/**
 * The Autumn catalog as pulled: 7 features and 8 products (Autumn calls them plans).
 */
public final class PulledCatalog implements CatalogDefinition {
    public static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();

    public static final Feature AI_TOKENS = feature("ai-tokens").name("AI Tokens").singleUse();

    public static final Feature _3D_RENDERS = feature("3d_renders").name("3D renders").singleUse();

    public static final Feature SEATS = feature("seats").name("Seats").continuousUse();

    public static final Feature SSO = feature("sso").name("Single sign-on").booleanFlag();

    public static final Feature CLASS = feature("class").name("Class \"A\" support, ≥ 99.9% uptime").booleanFlag();

    public static final Feature CREDITS = feature("credits")
            .name("Credits")
            .creditSystem(cost(API_CALLS, 1), cost(AI_TOKENS, "0.01"), cost(_3D_RENDERS, 25));

    public static final Product FREE = product("free")
            .name("Free")
            .group("main")
            .defaultProduct()
            .item(featureItem(API_CALLS).included(1000).monthly())
            .item(featureItem(AI_TOKENS).included(50_000).daily())
            .item(featureItem(SEATS).included(1));

    public static final Product PRO = product("pro")
            .name("Pro")
            .description("For growing teams")
            .group("main")
            .item(priceItem(20).monthly())
            .item(featureItem(API_CALLS).unlimited())
            .item(featureItem(AI_TOKENS).included(2000).hourly().perEntity(SEATS))
            .item(pricedFeatureItem(SEATS)
                    .included(3)
                    .price(10)
                    .prepaid()
                    .monthly()
                    .prorate(OnIncrease.PRORATE_IMMEDIATELY, OnDecrease.NO_PRORATIONS))
            .item(featureItem(SSO))
            .freeTrial(freeTrial(14).days());

    public static final Product BUSINESS = product("business")
            .name("Business")
            .description("Yearly, with overage")
            .group("main")
            .item(priceItem("1999.99").yearly())
            .item(pricedFeatureItem(API_CALLS)
                    .included(5_000_000_000L)
                    .tiers(tier(6_000_000_000L, "0.002"), tier(10_000_000_000L, "0.0015"), lastTier("0.001"))
                    .per(1000)
                    .payPerUse()
                    .yearly()
                    .maxPurchase(100_000_000)
                    .rollover(rollover().upToPercent(50).forMonths(1)))
            .item(featureItem(_3D_RENDERS).included(10).resetEvery(15, Interval.MINUTE))
            .item(featureItem(CLASS))
            .item(featureItem(CREDITS).included(20_000).quarterly())
            .freeTrial(freeTrial(1).months().noCardRequired());

    public static final Product TEAM = product("team")
            .name("Team")
            .group("teams")
            .defaultProduct()
            .item(priceItem(15).every(2, Interval.WEEK))
            .item(pricedFeatureItem(SEATS)
                    .volumeTiers(tier(10, 20).flat(100), tier(50, "17.5").flat("149.99"), lastTier(15))
                    .prepaid()
                    .every(2, Interval.WEEK))
            .item(featureItem(API_CALLS).included(500).weekly())
            .freeTrial(freeTrial(7).days().noCardRequired());

    public static final Product SCALE = product("scale")
            .name("Scale")
            .item(priceItem(600).semiAnnually())
            .item(pricedFeatureItem(AI_TOKENS)
                    .included(1000)
                    .price("0.001")
                    .prepaid()
                    .semiAnnually()
                    .noReset()
                    .rollover(new Rollover(null, new BigDecimal("12.5"), 0)))
            .item(pricedFeatureItem(CREDITS)
                    .price(2)
                    .per(100)
                    .prepaid()
                    .quarterly()
                    .resetEvery(1, Interval.MONTH)
                    .rollover(rollover().upTo(500).forever())
                    .perEntity(SEATS))
            .item(featureItem(_3D_RENDERS).included(5).yearly())
            .freeTrial(freeTrial(1).years());

    public static final Product CREDIT_PACK = product("credit-pack")
            .name("10,000 credits")
            .addOn()
            .item(pricedFeatureItem(CREDITS).price(5).per(1000).prepaid().oneOff().maxPurchase(100_000))
            .item(featureItem(API_CALLS).included(100).noReset());

    public static final Product SETUP = product("setup")
            .name("Setup")
            .addOn()
            .item(priceItem(250).oneOff());

    public static final Product LEGACY = product("legacy").name("Legacy");

    /**
     * Creates the definition; the plugin calls this public no-argument constructor.
     */
    public PulledCatalog() {
    }

    /**
     * Every pulled feature and product.
     */
    @Override
    public Catalog define() {
        return catalog(
                API_CALLS,
                AI_TOKENS,
                _3D_RENDERS,
                SEATS,
                SSO,
                CLASS,
                CREDITS,
                FREE,
                PRO,
                BUSINESS,
                TEAM,
                SCALE,
                CREDIT_PACK,
                SETUP,
                LEGACY);
    }
}
