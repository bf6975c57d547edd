package dev.autumncatalog.examples.pricing;

import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;

import dev.autumncatalog.dsl.Autumn;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;

/**
 * PLACEHOLDER for the h-codegen branch only: the smallest catalog billing-service needs (features {@code api_calls},
 * {@code ai_tokens}, {@code seats}, {@code sso}; products {@code free}, {@code pro}). The validation branch's full
 * {@code Pricing} replaces this file on merge.
 */
public final class Pricing implements CatalogDefinition {
    /** API calls, consumed per request. */
    public static final Feature API_CALLS =
            feature("api_calls").name("API Calls").singleUse();

    /** AI tokens, consumed per model call. */
    public static final Feature AI_TOKENS =
            feature("ai_tokens").name("AI Tokens").singleUse();

    /** Seats, allocated per team member. */
    public static final Feature SEATS = feature("seats").name("Seats").continuousUse();

    /** Single sign-on. */
    public static final Feature SSO = feature("sso").name("Single sign-on").booleanFlag();

    /** The default plan. */
    public static final Product FREE = product("free")
            .name("Free")
            .defaultProduct()
            .item(featureItem(API_CALLS).included(1_000).monthly());

    /** The paid plan. */
    public static final Product PRO = product("pro")
            .name("Pro")
            .item(priceItem(10).monthly())
            .item(featureItem(API_CALLS).included(10_000).monthly())
            .item(featureItem(AI_TOKENS).included(50_000).monthly())
            .item(featureItem(SSO));

    @Override
    public Catalog catalog() {
        // Qualified: this catalog() method shadows the static import of Autumn.catalog.
        return Autumn.catalog(FREE, PRO, SEATS);
    }
}
