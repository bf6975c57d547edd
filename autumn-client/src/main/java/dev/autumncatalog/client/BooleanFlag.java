package dev.autumncatalog.client;

/**
 * A boolean feature: the customer has it or not. Checked, never tracked (Autumn answers a track of a boolean with 200
 * and counts nothing).
 *
 * <pre>{@code
 * public static final BooleanFlag SSO = BooleanFlag.of("sso");
 * boolean ssoEnabled = autumn.check(customerId, SSO).allowed();
 * }</pre>
 *
 * @param id the feature id
 */
public record BooleanFlag(String id) implements FeatureRef {

    /** Checks the id: letters, digits, {@code _} and {@code -}, as Autumn requires. */
    public BooleanFlag {
        FeatureIds.check(id, "BooleanFlag");
    }

    /** The handle of boolean feature {@code id}. */
    public static BooleanFlag of(String id) {
        return new BooleanFlag(id);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.booleanFlag(this);
    }
}
