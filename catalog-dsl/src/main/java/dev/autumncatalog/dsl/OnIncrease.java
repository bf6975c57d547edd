package dev.autumncatalog.dsl;

/** What happens when a customer raises a prepaid quantity mid-cycle. */
public enum OnIncrease {
    BILL_IMMEDIATELY,
    PRORATE_IMMEDIATELY,
    PRORATE_NEXT_CYCLE,
    BILL_NEXT_CYCLE
}
