package dev.autumncatalog.dsl;

import java.util.List;

/**
 * A feature of the catalog: what customers get access to or consume. Items and credit schemas reference features as
 * objects, so a feature id can never be mistyped.
 *
 * <pre>{@code
 * public static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse()
 *     .eventNames("api.request");                               // usage tracked under an event name counts too
 * public static final Feature SEATS = feature("seats").name("Seats").continuousUse();
 * public static final Feature SSO = feature("sso").name("Single sign-on").booleanFlag();
 * public static final Feature CREDITS = feature("credits").name("Credits")
 *     .creditSystem(cost(API_CALLS, 1), cost(AI_TOKENS, "0.01"));
 * public static final Feature LEGACY = feature("legacy").name("Legacy").singleUse().archived();
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

    /**
     * The event names whose tracked usage Autumn also counts for this feature ({@code track} with an {@code
     * event_name}), in the order written; empty when usage is tracked by feature id only. Autumn matches them as a set.
     */
    List<String> eventNames();

    /**
     * Whether the feature is kept archived in Autumn: hidden from new plans in the dashboard, still usable by the plans
     * that have it. A push archives it, and keeps it archived.
     */
    boolean isArchived();

    /**
     * The same feature, with usage tracked under these event names counted for it too: {@code
     * .eventNames("api.request", "api.batch")}. Replaces the names set before; none clears them.
     */
    Feature eventNames(String... names);

    /** The same feature, kept archived in Autumn (see {@link #isArchived()}). */
    Feature archived();
}
