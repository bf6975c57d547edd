package dev.autumncatalog.examples.billing;

/**
 * What the service needs from Autumn: {@code check} before work, {@code track} after it. In production this sits on
 * Autumn's {@code POST /v1/check} and {@code POST /v1/track}; tests use an in-memory fake.
 *
 * <pre>{@code
 * if (billing.check(customerId, Features.API_CALLS, 1)) {
 *     doTheWork();
 *     billing.track(customerId, Features.API_CALLS, 1);
 * }
 * }</pre>
 */
public interface Billing {
    /**
     * Whether the customer may use {@code amount} more of the feature (Autumn's {@code check} with {@code
     * required_balance}); for a boolean feature, whether the customer has it at all.
     *
     * @param customerId the customer
     * @param featureId a feature id, such as {@code Features.API_CALLS}
     * @param amount the usage about to happen; 0 for boolean features
     * @return {@code true} when the usage is allowed
     */
    boolean check(String customerId, String featureId, long amount);

    /**
     * Records usage (Autumn's {@code track}). Call it only after the work succeeded; a negative amount releases
     * allocated usage of a continuous-use feature, such as a removed seat.
     *
     * @param customerId the customer
     * @param featureId a feature id, such as {@code Features.AI_TOKENS}
     * @param amount the usage that actually happened
     */
    void track(String customerId, String featureId, long amount);
}
