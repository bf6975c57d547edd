package it.catalog;

import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;

import dev.autumncatalog.dsl.Autumn;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.dsl.Feature;

public final class ItPricing implements CatalogDefinition {
    static final Feature API_CALLS = feature("api-calls").name("API Calls").singleUse();
    static final Feature SSO = feature("sso").name("SSO").booleanFlag();

    @Override
    public Catalog define() {
        return Autumn.catalog(
                product("free").name("Free").defaultProduct().item(featureItem(API_CALLS).included(100).monthly()),
                product("pro")
                        .name("Pro")
                        .item(priceItem(20).monthly())
                        .item(featureItem(API_CALLS).included(10_000).monthly())
                        .item(featureItem(SSO)));
    }
}
