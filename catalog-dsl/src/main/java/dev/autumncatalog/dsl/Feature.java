package dev.autumncatalog.dsl;

import java.util.List;

/**
 * A feature of the catalog: what customers get access to or consume. Items and credit schemas reference features as
 * objects, so a feature id can never be mistyped.
 *
 * <pre>{@code
 * public static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
 * public static final Feature SEATS = feature("seats").name("Seats").continuousUse();
 * public static final Feature SSO = feature("sso").name("Single sign-on").booleanFlag();
 * public static final Feature CREDITS = feature("credits").name("Credits")
 *     .creditSystem(cost(API_CALLS, 1), cost(AI_TOKENS, "0.01"));
 * }</pre>
 */
public sealed interface Feature extends CatalogPart permits BooleanFeature, MeteredFeature, CreditSystem {

    /** The feature id, as services send it to Autumn's check and track. */
    String id();

    /** The display name. */
    String name();

    /** Which of the four kinds this feature is. */
    FeatureType type();

    /** The credit schema of a credit system; empty for every other kind. */
    default List<CreditCost> creditSchema() {
        return List.of();
    }
}
