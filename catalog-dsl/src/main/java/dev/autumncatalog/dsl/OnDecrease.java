package dev.autumncatalog.dsl;

/** What happens when a customer lowers a prepaid quantity mid-cycle. */
public enum OnDecrease {
    PRORATE,
    PRORATE_IMMEDIATELY,
    PRORATE_NEXT_CYCLE,
    NONE,
    NO_PRORATIONS
}
