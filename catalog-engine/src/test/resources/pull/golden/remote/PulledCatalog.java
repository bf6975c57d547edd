// Pulled from Autumn. Edit it as your own catalog; a pull refuses to replace it once edited.
package com.example.pricing;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;

/**
 * The Autumn catalog as pulled: 3 features and 1 product (Autumn calls them plans).
 *
 * <p>Not pulled:
 *
 * <ul>
 *   <li>feature {@code ai_credits}: AI credit system (model markups: gpt-4o 1.5x)
 *   <li>product {@code enterprise}: variants: annual, monthly
 * </ul>
 *
 * <p>Archived on Autumn and left out: feature {@code legacy_flag}; product {@code legacy}.
 */
public final class PulledCatalog implements CatalogDefinition {
    /**
     * Not pulled, the DSL cannot express it: event names: api_call, request
     */
    public static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();

    public static final Feature SEATS = feature("seats").name("Seats").continuousUse();

    /**
     * Archived on Autumn; pulled because product 'pro' uses it.
     */
    public static final Feature OLD_CALLS = feature("old_calls").name("Old calls").singleUse();

    /**
     * Not pulled, the DSL cannot express it: billing controls: spend limit $100
     */
    public static final Product PRO = product("pro")
            .name("Pro")
            .group("main")
            .item(priceItem(20).monthly())
            .item(featureItem(API_CALLS).included(10_000).monthly())
            .item(featureItem(OLD_CALLS).included(500).monthly().perEntity(SEATS));

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
        return catalog(API_CALLS, SEATS, OLD_CALLS, PRO);
    }
}
