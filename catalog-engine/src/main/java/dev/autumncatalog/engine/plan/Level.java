package dev.autumncatalog.engine.plan;

import java.util.Locale;

/**
 * The order in which a push applies changes. Every change of one level is independent of the others in that level, so
 * they may run concurrently; a change waits for the changes of earlier levels that touch the same feature or plan group
 * (the push's {@code PushOrder}), not for whole levels.
 */
public enum Level {
    /** Metered and boolean features: created, updated, un-archived. */
    FEATURES,
    /** Credit systems, after the metered features they draw from. */
    CREDIT_SYSTEMS,
    /**
     * Plans that stop being their group's default (updated or removed) while another plan becomes it: Autumn allows one
     * free default and one default trial per group, so the hand-over starts here.
     */
    PLAN_DEFAULT_RELEASES,
    /** Plans: created, updated, un-archived; after every feature their items use. */
    PLANS,
    /** Plans that left the catalog, archived or deleted, before the features they use. */
    PLAN_REMOVALS,
    /** Credit systems that left the catalog, before the metered features they draw from. */
    CREDIT_SYSTEM_REMOVALS,
    /** Metered and boolean features that left the catalog. */
    FEATURE_REMOVALS;

    /** {@code credit_systems}, as in the JSON plan. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
