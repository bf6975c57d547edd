package dev.autumncatalog.client;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code balances.check}: may the customer use the feature now? Each step returns a new request.
 *
 * <pre>{@code
 * CheckResult result = autumn.check(CheckRequest.of(customerId, Metered.API_CALLS)
 *         .requiredBalance(10)
 *         .entityId(workspaceId)
 *         .timeout(Duration.ofMillis(500))
 *         .failurePolicy(CheckFailurePolicy.FAIL_CLOSED));
 * }</pre>
 *
 * <p>A check with {@link #sendEvent(boolean) sendEvent} or a {@link #lock(Lock) lock} writes (it deducts the required
 * balance), so the client sends it once, without retries, to never deduct twice.
 *
 * @param customerId the customer
 * @param feature the feature, any kind
 * @param requiredBalance the amount needed; {@code null} sends none and Autumn checks for 1
 * @param entityId the entity whose balance to check, or {@code null} for the customer's
 * @param sendEvent whether Autumn also records {@code requiredBalance} as usage when allowed (check and track in one)
 * @param lock a reservation of {@code requiredBalance} to finalize later, or {@code null}
 * @param properties properties of the usage event that {@code sendEvent} records
 * @param timeout this call's deadline (whole exchange, retries included), or {@code null} for the client's
 * @param failurePolicy this call's policy when Autumn cannot answer, or {@code null} for the client's
 */
public record CheckRequest(
        String customerId,
        FeatureRef feature,
        BigDecimal requiredBalance,
        String entityId,
        boolean sendEvent,
        Lock lock,
        Map<String, Object> properties,
        Duration timeout,
        CheckFailurePolicy failurePolicy) {

    /** Checks the ids and the deadline, and copies the properties. */
    public CheckRequest {
        Ids.required(customerId, "customerId");
        Objects.requireNonNull(feature, "feature");
        Ids.optional(entityId, "entityId");
        properties = Properties.copy(properties);
        if (timeout != null) {
            Durations.positive(timeout, "timeout");
        }
    }

    /** A check of {@code feature} for {@code customerId}, for Autumn's default amount of 1. */
    public static CheckRequest of(String customerId, FeatureRef feature) {
        return new CheckRequest(customerId, feature, null, null, false, null, Map.of(), null, null);
    }

    /** A check of the feature with id {@code featureId}, kind unknown. */
    public static CheckRequest of(String customerId, String featureId) {
        return of(customerId, FeatureId.of(featureId));
    }

    /** This check, for {@code amount} instead of 1. Autumn allows 0 and negative amounts. */
    public CheckRequest requiredBalance(long amount) {
        return requiredBalance(BigDecimal.valueOf(amount));
    }

    /** This check, for {@code amount} instead of 1. Autumn allows 0 and negative amounts. */
    public CheckRequest requiredBalance(BigDecimal amount) {
        Objects.requireNonNull(amount, "requiredBalance");
        return new CheckRequest(
                customerId, feature, amount, entityId, sendEvent, lock, properties, timeout, failurePolicy);
    }

    /** This check, of the balance of entity {@code entityId}. */
    public CheckRequest entityId(String entityId) {
        Ids.required(entityId, "entityId");
        return new CheckRequest(
                customerId, feature, requiredBalance, entityId, sendEvent, lock, properties, timeout, failurePolicy);
    }

    /** This check, also recording the required balance as usage when allowed ({@code send_event}). */
    public CheckRequest sendEvent(boolean sendEvent) {
        return new CheckRequest(
                customerId, feature, requiredBalance, entityId, sendEvent, lock, properties, timeout, failurePolicy);
    }

    /** This check, reserving the required balance under {@code lock}. */
    public CheckRequest lock(Lock lock) {
        Objects.requireNonNull(lock, "lock");
        return new CheckRequest(
                customerId, feature, requiredBalance, entityId, sendEvent, lock, properties, timeout, failurePolicy);
    }

    /** This check, with {@code properties} on the usage event {@code sendEvent} records. */
    public CheckRequest properties(Map<String, ?> properties) {
        return new CheckRequest(
                customerId,
                feature,
                requiredBalance,
                entityId,
                sendEvent,
                lock,
                Properties.copy(properties),
                timeout,
                failurePolicy);
    }

    /** This check, with its own deadline for the whole call instead of the client's. */
    public CheckRequest timeout(Duration timeout) {
        Durations.positive(timeout, "timeout");
        return new CheckRequest(
                customerId, feature, requiredBalance, entityId, sendEvent, lock, properties, timeout, failurePolicy);
    }

    /** This check, answering failures with {@code policy} instead of the client's. */
    public CheckRequest failurePolicy(CheckFailurePolicy policy) {
        Objects.requireNonNull(policy, "failurePolicy");
        return new CheckRequest(
                customerId, feature, requiredBalance, entityId, sendEvent, lock, properties, timeout, policy);
    }

    /** Whether this check deducts (send_event or a lock), and so must not be repeated. */
    boolean writes() {
        return sendEvent || lock != null;
    }
}
