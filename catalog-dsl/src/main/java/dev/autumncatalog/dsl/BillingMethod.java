package dev.autumncatalog.dsl;

/** How usage of a priced feature is charged. */
public enum BillingMethod {
    /** The customer buys a quantity up front (seats, credit packs). */
    PREPAID,
    /** Usage is billed in arrears at the end of each cycle (overage, metered API calls). */
    PAY_PER_USE
}
