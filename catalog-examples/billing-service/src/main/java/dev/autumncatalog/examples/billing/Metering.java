package dev.autumncatalog.examples.billing;

import dev.autumncatalog.examples.billing.autumn.FeatureId;
import java.util.Objects;

/**
 * {@link Billing} with the typed {@link FeatureId}: how much to check and track follows from the feature's kind, in
 * {@code switch} expressions that stay exhaustive because the generated {@code FeatureKind} always has all four
 * kinds.
 */
public final class Metering {
    private final Billing billing;

    /** Metering through {@code billing}. */
    public Metering(Billing billing) {
        this.billing = Objects.requireNonNull(billing, "billing");
    }

    /** Whether the customer may use {@code amount} more of {@code feature}; for boolean features, whether they have it. */
    public boolean allows(String customerId, FeatureId feature, long amount) {
        long required =
                switch (feature.kind()) {
                    case BOOLEAN -> 0;
                    case SINGLE_USE, CONTINUOUS_USE, CREDIT_SYSTEM -> amount;
                };
        return billing.check(customerId, feature.id(), required);
    }

    /**
     * Tracks usage that happened.
     *
     * @throws IllegalArgumentException for a boolean feature (nothing to track), or negative usage of a consumed
     *     feature
     */
    public void record(String customerId, FeatureId feature, long amount) {
        long usage =
                switch (feature.kind()) {
                    case BOOLEAN ->
                        throw new IllegalArgumentException(
                                feature.id() + " is a boolean feature; there is no usage to track");
                    case SINGLE_USE, CREDIT_SYSTEM -> {
                        if (amount < 0) {
                            throw new IllegalArgumentException(
                                    feature.id() + " is consumed; usage cannot be negative, was " + amount);
                        }
                        yield amount;
                    }
                    // Allocated usage goes up and down: a negative amount releases, such as a removed seat.
                    case CONTINUOUS_USE -> amount;
                };
        billing.track(customerId, feature.id(), usage);
    }
}
