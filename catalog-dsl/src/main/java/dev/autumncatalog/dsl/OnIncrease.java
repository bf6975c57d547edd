package dev.autumncatalog.dsl;

/** What happens when a customer raises a prepaid quantity mid-cycle. */
public enum OnIncrease {
    /**
     * Autumn's {@code bill_immediately}. Autumn refuses it on prepaid items (CONTRACT P-I16) and accepts proration only
     * on prepaid items (§3.4), so the validator reports it wherever it appears.
     */
    BILL_IMMEDIATELY,
    /** Autumn's {@code prorate_immediately}: the added quantity is prorated and charged at once. */
    PRORATE_IMMEDIATELY,
    /** Autumn's {@code prorate_next_cycle}: the added quantity is prorated onto the next invoice. */
    PRORATE_NEXT_CYCLE,
    /** Autumn's {@code bill_next_cycle}: the added quantity is charged from the next cycle on. */
    BILL_NEXT_CYCLE
}
