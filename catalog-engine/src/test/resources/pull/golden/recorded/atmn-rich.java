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
import static dev.autumncatalog.dsl.Autumn.tier;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;

/**
 * The Autumn catalog as pulled: 5 features and 3 products (Autumn calls them plans), archived ones included.
 */
public final class PulledCatalog implements CatalogDefinition {
    public static final Feature BASIC_MODEL = feature("basic_model").name("Basic Model Messages").singleUse();

    public static final Feature PREMIUM_MODEL = feature("premium_model").name("Premium Model Messages").singleUse();

    public static final Feature SEATS = feature("seats").name("Seats").continuousUse();

    public static final Feature SSO = feature("sso").name("SSO").booleanFlag();

    public static final Feature CREDITS = feature("credits")
            .name("AI Credits")
            .creditSystem(cost(BASIC_MODEL, 1), cost(PREMIUM_MODEL, 5));

    public static final Product FREE = product("free")
            .name("Free")
            .group("main")
            .defaultProduct()
            .item(featureItem(CREDITS).included(100).monthly())
            .item(featureItem(SEATS).included(1));

    public static final Product PRO = product("pro")
            .name("Pro")
            .description("For growing teams")
            .group("main")
            .item(priceItem(20).monthly())
            .item(pricedFeatureItem(CREDITS)
                    .tiers(tier(1000, "0.01"), lastTier("0.008"))
                    .per(100)
                    .payPerUse()
                    .monthly())
            .item(pricedFeatureItem(SEATS).included(3).price(10).prepaid().monthly())
            .item(featureItem(BASIC_MODEL).unlimited())
            .item(featureItem(PREMIUM_MODEL).included(50).monthly().perEntity(SEATS))
            .item(featureItem(SSO))
            .freeTrial(freeTrial(14).days());

    public static final Product CREDIT_TOPUP = product("credit_topup")
            .name("Credit Top-up")
            .group("main")
            .addOn()
            .item(pricedFeatureItem(CREDITS).price(5).per(1000).prepaid().oneOff());

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
        return catalog(BASIC_MODEL, PREMIUM_MODEL, SEATS, SSO, CREDITS, FREE, PRO, CREDIT_TOPUP);
    }
}
