// Pulled from Autumn. Edit it as your own catalog; a pull refuses to replace it once edited.
package com.example.pricing;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;

/**
 * The Autumn catalog as pulled: 1 feature and 1 product (Autumn calls them plans).
 */
public final class PulledCatalog implements CatalogDefinition {
    public static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();

    public static final Product NEG = product("neg")
            .name("Neg")
            .item(priceItem(-5).monthly()) /* autumn:pull: price amount must be ≥ 0, was -5 — Autumn holds this; fix it here or in Autumn */;

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
        return catalog(API_CALLS, NEG);
    }
}
