package dev.autumncatalog.maven;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;

/** A small valid catalog for the remote goals' tests ({@code RemoteMojoTest}). */
public final class ShopCatalog implements CatalogDefinition {
    static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
    static final Product PRO = product("pro")
            .name("Pro")
            .item(priceItem(20).monthly())
            .item(featureItem(API_CALLS).included(10_000).monthly());

    @Override
    public Catalog define() {
        return catalog(PRO);
    }
}
