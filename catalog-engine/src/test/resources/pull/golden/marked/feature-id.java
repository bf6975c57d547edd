// Pulled from Autumn. Edit it as your own catalog; a pull refuses to replace it once edited.
package com.example.pricing;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.feature;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.dsl.Feature;

/**
 * The Autumn catalog as pulled: 2 features and 0 products (Autumn calls them plans).
 */
public final class PulledCatalog implements CatalogDefinition {
    public static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();

    public static final Feature BAD_ID = feature("bad id!").name("Bad").booleanFlag() /* autumn:pull: feature id must contain only letters, digits, '_' and '-', was 'bad id!'; for example 'bad_id' — Autumn holds this; fix it here or in Autumn */;

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
        return catalog(API_CALLS, BAD_ID);
    }
}
