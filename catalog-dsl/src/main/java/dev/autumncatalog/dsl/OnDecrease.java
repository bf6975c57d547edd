package dev.autumncatalog.dsl;

/** What happens when a customer lowers a prepaid quantity mid-cycle. */
public enum OnDecrease {
    /** Autumn's {@code prorate}: the removed quantity is credited pro rata. */
    PRORATE,
    /** Autumn's {@code prorate_immediately}: the removed quantity is credited pro rata at once. */
    PRORATE_IMMEDIATELY,
    /** Autumn's {@code prorate_next_cycle}: the removed quantity is credited pro rata on the next invoice. */
    PRORATE_NEXT_CYCLE,
    /** Autumn's {@code none}: no credit for the removed quantity. */
    NONE,
    /** Autumn's {@code no_prorations}: the change is not prorated. */
    NO_PRORATIONS
}
