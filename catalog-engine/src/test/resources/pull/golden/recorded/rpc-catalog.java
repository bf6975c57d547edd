// Pulled from Autumn. Edit it as your own catalog; a pull refuses to replace it once edited.
package com.example.pricing;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.cost;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.lastTier;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.dsl.Autumn.tier;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.dsl.Product;

/**
 * The Autumn catalog as pulled: 6 features and 4 products (Autumn calls them plans), archived ones included.
 */
public final class PulledCatalog implements CatalogDefinition {
    public static final Feature API_CALLS = feature("api_calls")
            .name("API Requests")
            .singleUse()
            .eventNames("api_call");

    public static final Feature SEATS = feature("seats").name("Seats").continuousUse();

    public static final Feature SSO = feature("sso").name("SSO").booleanFlag();

    public static final Feature GPU_MINUTES = feature("gpu_minutes").name("GPU Minutes").singleUse();

    public static final Feature CREDITS = feature("credits")
            .name("Credits")
            .creditSystem(cost(API_CALLS, 2), cost(GPU_MINUTES, 10));

    public static final Feature AI_TOKENS = feature("ai_tokens").name("Tokens").singleUse().eventNames("token_usage");

    public static final Product API_BOOST = product("api_boost")
            .name("API Boost")
            .item(featureItem(API_CALLS).included(5000).monthly());

    public static final Product FREE = product("free")
            .name("Free")
            .group("main")
            .defaultProduct()
            .item(featureItem(API_CALLS).included(1000).monthly())
            .item(featureItem(CREDITS).included(50).monthly())
            .item(featureItem(SEATS).included(1))
            .item(featureItem(SSO));

    public static final Product PRO = product("pro")
            .name("Pro Plan")
            .group("main")
            .item(priceItem(20).monthly())
            .item(pricedFeatureItem(CREDITS)
                    .included(100)
                    .tiers(tier(1000, "0.02"), lastTier("0.008"))
                    .per(100)
                    .payPerUse()
                    .monthly())
            .item(pricedFeatureItem(SEATS).included(3).price(10).prepaid().monthly())
            .item(pricedFeatureItem(AI_TOKENS).price(5).per(1000).prepaid().monthly().maxPurchase(50_000))
            .item(featureItem(API_CALLS).unlimited());

    public static final Product TEAM_ANNUAL = product("team_annual")
            .name("Team Annual")
            .item(priceItem(200).yearly())
            .item(pricedFeatureItem(SEATS).included(5).price(8).prepaid().yearly())
            .item(featureItem(API_CALLS).included(500).resetEvery(2, Interval.WEEK));

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
        return catalog(API_CALLS, SEATS, SSO, GPU_MINUTES, CREDITS, AI_TOKENS, API_BOOST, FREE, PRO, TEAM_ANNUAL);
    }
}
