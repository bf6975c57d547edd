package dev.autumncatalog.examples.billing;

import dev.autumncatalog.client.FeatureRef;

/** The customer's balance does not allow the usage; nothing was done and nothing was tracked. */
public final class UsageLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String customerId;
    private final transient FeatureRef feature;
    private final long amount;

    /** A refusal of {@code amount} of {@code feature} for {@code customerId}. */
    public UsageLimitException(String customerId, FeatureRef feature, long amount) {
        super("Customer " + customerId + " cannot use " + amount + " more " + displayName(feature) + " (" + feature.id()
                + ")");
        this.customerId = customerId;
        this.feature = feature;
        this.amount = amount;
    }

    /**
     * The catalog's name of the feature. The generated enum and the client's plain-id handle are both called {@code
     * FeatureId}, so the generated one is named in full here.
     */
    private static String displayName(FeatureRef feature) {
        return dev.autumncatalog.examples.billing.autumn.FeatureId.fromId(feature.id())
                .map(dev.autumncatalog.examples.billing.autumn.FeatureId::displayName)
                .orElse(feature.id());
    }

    /** The customer refused. */
    public String customerId() {
        return customerId;
    }

    /** The feature whose balance is too low. */
    public FeatureRef feature() {
        return feature;
    }

    /** The usage that was refused. */
    public long amount() {
        return amount;
    }
}
