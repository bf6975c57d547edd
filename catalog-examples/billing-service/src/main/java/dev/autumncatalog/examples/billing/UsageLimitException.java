package dev.autumncatalog.examples.billing;

import dev.autumncatalog.examples.billing.autumn.FeatureId;

/** The customer's balance does not allow the usage; nothing was done and nothing was tracked. */
public final class UsageLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String customerId;
    private final FeatureId feature;
    private final long amount;

    /** A refusal of {@code amount} of {@code feature} for {@code customerId}. */
    public UsageLimitException(String customerId, FeatureId feature, long amount) {
        super("Customer " + customerId + " cannot use " + amount + " more " + feature.displayName() + " ("
                + feature.id() + ")");
        this.customerId = customerId;
        this.feature = feature;
        this.amount = amount;
    }

    /** The customer refused. */
    public String customerId() {
        return customerId;
    }

    /** The feature whose balance is too low. */
    public FeatureId feature() {
        return feature;
    }

    /** The usage that was refused. */
    public long amount() {
        return amount;
    }
}
