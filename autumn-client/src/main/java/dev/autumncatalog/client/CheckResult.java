package dev.autumncatalog.client;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * Whether a customer may use a feature now, and the balance that decided it.
 *
 * <pre>{@code
 * CheckResult check = autumn.check(customerId, Metered.API_CALLS);
 * if (!check.allowed()) {
 *     throw new UsageLimitException(check.balance());
 * }
 * if (check.degraded()) {
 *     metrics.increment("autumn.check.degraded"); // allowed by the fail-open policy, not by a balance
 * }
 * }</pre>
 *
 * @param allowed whether the customer may go ahead: enough balance, unlimited, or the boolean feature granted; on a
 *     degraded result, the {@link CheckFailurePolicy}'s answer
 * @param customerId the customer checked
 * @param entityId the entity checked, or {@code null}
 * @param requiredBalance the amount checked for, as Autumn reports it: in the units of {@link #balance()}, so when a
 *     credit system answers for its metered feature, the amount in credits (100 AI tokens at 0.01 are 1 credit); {@code
 *     null} on a degraded result without an answer
 * @param balance the balance that decided: the feature's own, or the credit system that backs it when the feature's own
 *     cannot cover the amount; {@code null} for boolean features and degraded results
 * @param balances the balances of the checked feature and related ones (its credit system), when Autumn sends them
 *     (it does for checks with a lock or {@code send_event}); features without a balance are left out
 * @param flag the grant of a boolean feature when the customer has it, else {@code null}
 * @param degradation why the result is not Autumn's decision, or {@code null} when it is
 */
public record CheckResult(
        boolean allowed,
        String customerId,
        String entityId,
        BigDecimal requiredBalance,
        Balance balance,
        Map<String, Balance> balances,
        Flag flag,
        Degradation degradation) {

    /** Checks the customer id and copies the balances. */
    public CheckResult {
        Objects.requireNonNull(customerId, "customerId");
        balances = Maps.copy(balances);
    }

    /** Whether Autumn's balances did not decide this result (see {@link #degradation()}). */
    public boolean degraded() {
        return degradation != null;
    }

    CheckResult degradedBy(Degradation why) {
        return new CheckResult(allowed, customerId, entityId, requiredBalance, balance, balances, flag, why);
    }
}
