package dev.autumncatalog.engine.codegen;

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

import dev.autumncatalog.dsl.Autumn;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.dsl.OnDecrease;
import dev.autumncatalog.dsl.OnIncrease;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.dsl.Tier;
import java.math.BigDecimal;

/**
 * The golden-file catalog: every feature kind, ids that need mangling (hyphen, camel case, leading digit, keyword),
 * every item kind, and display text that must be escaped in Javadoc.
 */
public final class RichCatalog implements CatalogDefinition {
    static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
    static final Feature AI_TOKENS = feature("ai-tokens").name("AI Tokens").singleUse();
    static final Feature SEATS = feature("seats").name("Seats").continuousUse();
    static final Feature STORAGE = feature("storageGB").name("Storage\t(GB)").continuousUse();
    static final Feature MESSAGES = feature("messages").name("Messages").singleUse();
    static final Feature RENDERS = feature("3d_renders").name("3D Renders").singleUse();
    static final Feature SSO = feature("sso").name("Single sign-on (SSO)").booleanFlag();
    static final Feature CLASS =
            feature("class").name("Class <beta> & \"friends\" */ {@code x}").booleanFlag();
    static final Feature CREDITS =
            feature("credits").name("Credits").creditSystem(cost(API_CALLS, 1), cost(AI_TOKENS, "0.01"));

    static final Product FREE = product("free")
            .name("Free")
            .defaultProduct()
            .item(featureItem(API_CALLS).included(1_000).monthly())
            .item(featureItem(MESSAGES).included(100).monthly().perEntity(SEATS));

    static final Product PRO = product("pro")
            .name("Pro")
            .group("plans")
            .freeTrial(freeTrial(14).days())
            .item(priceItem(20).monthly())
            .item(featureItem(API_CALLS).included(10_000).monthly())
            .item(featureItem(AI_TOKENS).included(50_000).monthly())
            .item(featureItem(SEATS).included(5))
            .item(featureItem(STORAGE).unlimited())
            .item(featureItem(SSO));

    static final Product SCALE = product("scale")
            .name("Scale")
            .group("plans")
            .item(priceItem("99.5").monthly())
            .item(pricedFeatureItem(API_CALLS)
                    .included(10_000)
                    .price("0.01")
                    .payPerUse()
                    .monthly())
            .item(pricedFeatureItem(AI_TOKENS)
                    .included(100_000)
                    .tiers(tier(1_000_000, "0.002"), lastTier("0.001"))
                    .per(1_000)
                    .payPerUse()
                    .monthly())
            .item(pricedFeatureItem(SEATS)
                    .price(10)
                    .prepaid()
                    .monthly()
                    .prorate(OnIncrease.PRORATE_IMMEDIATELY, OnDecrease.NONE))
            .item(pricedFeatureItem(CREDITS)
                    .included(500)
                    .price(10)
                    .per(1_000)
                    .prepaid()
                    .monthly()
                    .rollover(rollover().upTo(500).forMonths(1)))
            .item(featureItem(SSO));

    static final Product ENTERPRISE = product("enterpriseAnnual")
            .name("Enterprise & Co")
            .description("Everything in <b>Scale</b>, plus */ {@code x} @author and a \\u002a/ escape.\nSecond line.")
            .group("plans")
            .freeTrial(freeTrial(1).months().noCardRequired())
            .item(priceItem("1200").yearly())
            .item(pricedFeatureItem(SEATS)
                    .volumeTiers(tier(10, "12"), new Tier(null, new BigDecimal("8"), new BigDecimal("100")))
                    .prepaid()
                    .yearly())
            .item(featureItem(MESSAGES).unlimited().perEntity(SEATS))
            .item(featureItem(RENDERS).included(50).resetEvery(3, Interval.MONTH))
            .item(featureItem(CLASS))
            .item(featureItem(SSO));

    static final Product API_CALL_PACK = product("api_call_pack")
            .name("API Call Pack \u2014 cr\u00e8me \ud83c\udf6e")
            .addOn()
            .item(priceItem(5).oneOff())
            .item(featureItem(API_CALLS).included(1_000).noReset());

    static final Product CREDIT_TOP_UP = product("credit-top-up")
            .name("Credit top-up")
            .addOn()
            .item(pricedFeatureItem(CREDITS)
                    .price(5)
                    .per(1_000)
                    .prepaid()
                    .oneOff()
                    .maxPurchase(100_000));

    static final Product LEGACY = product("2024-legacy")
            .name("Legacy 2024")
            .group("legacy")
            .item(priceItem("9.9").every(3, Interval.MONTH))
            .item(featureItem(RENDERS).included(10).resetEvery(2, Interval.WEEK));

    @Override
    public Catalog define() {
        // Autumn.catalog, qualified: this class's own catalog() method shadows the static import.
        return Autumn.catalog(FREE, PRO, SCALE, ENTERPRISE, API_CALL_PACK, CREDIT_TOP_UP, LEGACY, CREDITS);
    }
}
