package dev.autumncatalog.examples.pricing;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.freeTrial;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.examples.pricing.Features.AI_TOKENS;
import static dev.autumncatalog.examples.pricing.Features.API_CALLS;
import static dev.autumncatalog.examples.pricing.Features.CREDITS;
import static dev.autumncatalog.examples.pricing.Features.SEATS;
import static dev.autumncatalog.examples.pricing.Features.SSO;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Product;

/**
 * The main plans. They share the group {@code main}, so a customer has one of them and moves between them by upgrade
 * or downgrade.
 *
 * <pre>{@code
 * Catalog plans = Plans.CATALOG;   // free, pro, business, flex
 * }</pre>
 */
public final class Plans {
    /** The group of the main plans. */
    public static final String GROUP = "main";

    /** The default plan every new customer gets: a small monthly allowance, free of charge. */
    public static final Product FREE = product("free")
            .name("Free")
            .group(GROUP)
            .defaultProduct()
            .item(featureItem(API_CALLS).included(1_000).monthly())
            .item(featureItem(AI_TOKENS).included(5_000).monthly());

    /** $10 a month for 10,000 API calls and 50,000 AI tokens a month, with a 14-day free trial. */
    public static final Product PRO = product("pro")
            .name("Pro")
            .description("For individual developers")
            .group(GROUP)
            .item(priceItem(10).monthly())
            .item(featureItem(API_CALLS).included(10_000).monthly())
            .item(featureItem(AI_TOKENS).included(50_000).monthly())
            .freeTrial(freeTrial(14).days());

    /**
     * $50 a month for teams: 100,000 API calls a month, then overage at $0.50 per 1,000 billed in arrears; seats
     * prepaid at $10 each a month beyond the 3 included; single sign-on.
     */
    public static final Product BUSINESS = product("business")
            .name("Business")
            .description("For teams")
            .group(GROUP)
            .item(priceItem(50).monthly())
            .item(pricedFeatureItem(API_CALLS)
                    .included(100_000)
                    .price("0.50")
                    .per(1_000)
                    .payPerUse()
                    .monthly())
            .item(featureItem(AI_TOKENS).included(500_000).monthly())
            .item(pricedFeatureItem(SEATS).included(3).price(10).prepaid().monthly())
            .item(featureItem(SSO));

    /** $20 a month for 2,000 credits a month, spent on API calls and AI tokens alike. */
    public static final Product FLEX = product("flex")
            .name("Flex")
            .description("Credits for any mix of API calls and AI tokens")
            .group(GROUP)
            .item(priceItem(20).monthly())
            .item(featureItem(CREDITS).included(2_000).monthly());

    /** The main plans, with the features they use. */
    public static final Catalog CATALOG = catalog(FREE, PRO, BUSINESS, FLEX);

    private Plans() {}
}
