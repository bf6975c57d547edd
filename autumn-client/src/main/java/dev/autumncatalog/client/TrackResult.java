package dev.autumncatalog.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What became of a track, and the balances after it.
 *
 * <pre>{@code
 * TrackResult tracked = autumn.track(customerId, Metered.AI_TOKENS, response.tokensUsed());
 * for (TrackResult.Deduction d : tracked.deductions()) {
 *     log.info("{} took {} from {}", d.featureId(), d.value(), d.balanceId());
 * }
 * }</pre>
 *
 * @param outcome counted, already counted (a duplicate idempotency key), accepted for replay, or undelivered
 * @param idempotencyKey the key every attempt carried
 * @param customerId the customer
 * @param entityId the entity, or {@code null}
 * @param eventName the event name tracked, or {@code null} when tracked by feature
 * @param value the amount tracked
 * @param balance the tracked feature's balance after the track (its credit system's, when the feature has no balance of
 *     its own); {@code null} for booleans, event names touching several features, and outcomes without an answer
 * @param balances the balances touched, by feature id; features without a balance are left out
 * @param deductions what was taken from which balance (a track past a feature's own balance also takes from its credit
 *     system); empty when Autumn sends none
 * @param failure why it was not delivered; only for {@link TrackOutcome#UNDELIVERED}
 */
public record TrackResult(
        TrackOutcome outcome,
        String idempotencyKey,
        String customerId,
        String entityId,
        String eventName,
        BigDecimal value,
        Balance balance,
        Map<String, Balance> balances,
        List<Deduction> deductions,
        TrackFailedException failure) {

    /** Checks the required fields and copies the collections. */
    public TrackResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(value, "value");
        balances = Maps.copy(balances);
        deductions = List.copyOf(deductions);
    }

    /**
     * Whether Autumn has the usage (counted, already counted, or accepted for replay): everything but {@link
     * TrackOutcome#UNDELIVERED}.
     */
    public boolean delivered() {
        return outcome != TrackOutcome.UNDELIVERED;
    }

    /**
     * What one balance gave up for a track.
     *
     * @param balanceId the grant drawn from ({@code cus_ent_…})
     * @param featureId its feature: the tracked one, or its credit system
     * @param planId the plan of that grant, or {@code null}
     * @param value the amount taken; negative when usage was given back
     */
    public record Deduction(String balanceId, String featureId, String planId, BigDecimal value) {

        /** Checks the required fields. */
        public Deduction {
            Objects.requireNonNull(featureId, "featureId");
            Objects.requireNonNull(value, "value");
        }
    }
}
