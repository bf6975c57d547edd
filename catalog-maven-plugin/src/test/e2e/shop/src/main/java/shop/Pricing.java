package shop;

import static dev.autumncatalog.dsl.Autumn.*;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;

public final class Pricing implements CatalogDefinition {
    static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
    static final Feature SEATS = feature("seats").name("Seats").continuousUse();
    static final Feature SSO = feature("sso").name("Single sign-on").booleanFlag();

    static final Product FREE = product("free").name("Free").defaultProduct()
            .item(featureItem(API_CALLS).included(1_000).monthly());
    static final Product PRO = product("pro").name("Pro")
            .item(priceItem(20).monthly())
            .item(featureItem(API_CALLS).included(10_000).monthly())
            .item(pricedFeatureItem(SEATS).price(8).prepaid().monthly())
            .item(featureItem(SSO));
    static final Product PACK = product("pack").name("API Call Pack").addOn()
            .item(priceItem(5).oneOff())
            .item(featureItem(API_CALLS).included(1_000).noReset());

    @Override
    public Catalog define() {
        return catalog(FREE, PRO, PACK);
    }
}
