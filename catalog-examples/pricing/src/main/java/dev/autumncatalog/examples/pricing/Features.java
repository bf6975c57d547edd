package dev.autumncatalog.examples.pricing;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.cost;
import static dev.autumncatalog.dsl.Autumn.feature;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Feature;

/**
 * Every feature of the example catalog, one of each kind of the Autumn guides. Services check and track usage with
 * these ids, so they never change.
 *
 * <pre>{@code
 * Catalog all = catalog(Features.CATALOG, Plans.CATALOG, AddOns.CATALOG);
 * }</pre>
 */
public final class Features {
    /** API calls: single-use, consumed by each request. */
    public static final Feature API_CALLS =
            feature("api_calls").name("API Calls").singleUse();

    /** AI tokens: single-use, consumed by each model call. */
    public static final Feature AI_TOKENS =
            feature("ai_tokens").name("AI Tokens").singleUse();

    /** Seats: continuous-use, allocated rather than consumed, so their balance never resets. */
    public static final Feature SEATS = feature("seats").name("Seats").continuousUse();

    /** Single sign-on: a boolean feature, on or off. */
    public static final Feature SSO = feature("sso").name("Single sign-on").booleanFlag();

    /**
     * Credits: one balance that both metered features draw from; an API call costs 1 credit, an AI token 0.01
     * (a credit system may only draw from single-use features).
     */
    public static final Feature CREDITS =
            feature("credits").name("Credits").creditSystem(cost(API_CALLS, 1), cost(AI_TOKENS, "0.01"));

    /** All features, also those no product uses yet. */
    public static final Catalog CATALOG = catalog(API_CALLS, AI_TOKENS, SEATS, SSO, CREDITS);

    private Features() {}
}
