package shop;

import static dev.autumncatalog.dsl.Autumn.*;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;

/** Four bad values, each of a kind that used to take a build of its own to find. */
public final class Plans implements CatalogDefinition {
    static final Feature API_CALLS = feature("api calls").name("API Calls").singleUse();

    static final Product FREE = product("free").name("")
            .item(featureItem(API_CALLS).included(1_000).monthly());
    static final Product PRO = product("pro").name("Pro")
            .item(priceItem(-5).monthly())
            .item(featureItem(API_CALLS).included(10_000).monthly());
    static final Product TEAM = product("team").name("Team")
            .item(priceItem("9.999").monthly());

    @Override
    public Catalog define() {
        return catalog(FREE, PRO, TEAM);
    }
}
