package dev.autumncatalog.examples.pricing;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.examples.pricing.Features.API_CALLS;
import static dev.autumncatalog.examples.pricing.Features.CREDITS;
import static dev.autumncatalog.examples.pricing.Features.SSO;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Product;

/**
 * Add-ons, bought next to a plan.
 *
 * <pre>{@code
 * Catalog addOns = AddOns.CATALOG;   // api_call_pack, sso_add_on, credit_pack
 * }</pre>
 */
public final class AddOns {
    /** A one-off $5 pack of 1,000 API calls that never expire (no reset). */
    public static final Product API_CALL_PACK = product("api_call_pack")
            .name("1,000 API calls")
            .addOn()
            .item(priceItem(5).oneOff())
            .item(featureItem(API_CALLS).included(1_000).noReset());

    /** Single sign-on for any plan, $25 a month. */
    public static final Product SSO_ADD_ON = product("sso_add_on")
            .name("SSO")
            .addOn()
            .item(priceItem(25).monthly())
            .item(featureItem(SSO));

    /**
     * A credit top-up: a one-off $10 pack of 1,000 credits that never expire, spent after the plan's monthly credits
     * (Autumn draws resetting balances before lifetime ones).
     */
    public static final Product CREDIT_PACK = product("credit_pack")
            .name("1,000 credits")
            .addOn()
            .item(priceItem(10).oneOff())
            .item(featureItem(CREDITS).included(1_000).noReset());

    /** Every add-on, with the features they use. */
    public static final Catalog CATALOG = catalog(API_CALL_PACK, SSO_ADD_ON, CREDIT_PACK);

    private AddOns() {}
}
