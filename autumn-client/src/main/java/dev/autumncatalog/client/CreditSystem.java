package dev.autumncatalog.client;

/**
 * A credit system: a pool of credits its metered features draw from at a cost each. Checked (to show the remaining
 * credits), never tracked: Autumn would deduct credits without recording which feature used them. Track the metered
 * feature instead, and Autumn spends the credits.
 *
 * <pre>{@code
 * public static final CreditSystem CREDITS = CreditSystem.of("credits");
 * BigDecimal left = autumn.check(customerId, CREDITS).balance().remaining();
 * }</pre>
 *
 * @param id the feature id
 */
public record CreditSystem(String id) implements FeatureRef {

    /** Checks the id: letters, digits, {@code _} and {@code -}, as Autumn requires. */
    public CreditSystem {
        FeatureIds.check(id, "CreditSystem");
    }

    /** The handle of credit system {@code id}. */
    public static CreditSystem of(String id) {
        return new CreditSystem(id);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.creditSystem(this);
    }
}
