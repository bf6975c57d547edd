package dev.autumncatalog.maven;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.PriceStep;
import dev.autumncatalog.dsl.Product;

/** Issue 14's four bad values, and a rule broken where no value is bad, for {@code ValidateMojoTest}. */
public final class FourBadValues implements CatalogDefinition {
    static final Feature API_CALLS = feature("api calls").name("API Calls").singleUse();
    static final Product FREE = product("free").name("");
    static final Product PRO = product("pro").name("Pro").item(priceItem(-5).monthly());
    static final PriceStep TEAM_PRICE = priceItem("9.999");
    static final Product TEAM = product("team").name("Team").item(TEAM_PRICE.monthly());
    static final Product TWO_PRICES =
            product("two").name("Two").item(priceItem(5).monthly());

    @Override
    public Catalog define() {
        return catalog(API_CALLS, FREE, PRO, TEAM, TWO_PRICES.item(priceItem(6).monthly()));
    }
}
