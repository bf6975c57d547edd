package dev.autumncatalog.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer's balance of one metered feature or credit system, as Autumn reports it. Amounts are exact decimals:
 * credit systems deduct fractions (12.5 AI tokens at 0.01 credits each leave 24.875 credits).
 *
 * <pre>{@code
 * Balance calls = autumn.check(customerId, Metered.API_CALLS).balance();
 * String quota = calls.unlimited() ? "unlimited" : calls.remaining() + " of " + calls.granted() + " left";
 * }</pre>
 *
 * @param featureId the feature whose balance this is; after {@code check}, possibly the credit system backing the
 *     feature that was checked (Autumn answers with the balance that decided)
 * @param granted included plus prepaid grants, summed over the {@code breakdown} (and entity grants, see below)
 * @param remaining what is left to use; 0 for unlimited balances
 * @param usage what was used in the current period (continuous features such as seats may exceed {@code granted})
 * @param unlimited whether usage is unlimited
 * @param overageAllowed whether usage beyond {@code granted} is allowed (billed as overage)
 * @param maxPurchase the most that can be bought as a top-up, or {@code null} for no limit
 * @param nextResetAt when the balance next resets, or {@code null} when it does not reset
 * @param breakdown the grants that make up the balance (plan items, extra grants), in Autumn's order. A customer-level
 *     balance counts entity grants in its totals but does not list them here: Autumn's own quirk, kept as it is
 */
public record Balance(
        String featureId,
        BigDecimal granted,
        BigDecimal remaining,
        BigDecimal usage,
        boolean unlimited,
        boolean overageAllowed,
        BigDecimal maxPurchase,
        Instant nextResetAt,
        List<Breakdown> breakdown) {

    /** Checks the required fields and copies the breakdown. */
    public Balance {
        Objects.requireNonNull(featureId, "featureId");
        Objects.requireNonNull(granted, "granted");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(usage, "usage");
        breakdown = List.copyOf(breakdown);
    }

    /**
     * One grant within a balance: a plan's item or an extra grant.
     *
     * @param id Autumn's id of this grant ({@code cus_ent_…})
     * @param planId the plan it comes from, or {@code null} for a grant made outside any plan
     * @param includedGrant the amount included
     * @param prepaidGrant the amount bought in advance
     * @param remaining what is left of this grant
     * @param usage what was used of this grant
     * @param unlimited whether this grant is unlimited
     * @param reset when and how often this grant resets, or {@code null} when it never does
     * @param expiresAt when this grant expires, or {@code null}
     */
    public record Breakdown(
            String id,
            String planId,
            BigDecimal includedGrant,
            BigDecimal prepaidGrant,
            BigDecimal remaining,
            BigDecimal usage,
            boolean unlimited,
            Reset reset,
            Instant expiresAt) {

        /** Checks the required fields. */
        public Breakdown {
            Objects.requireNonNull(includedGrant, "includedGrant");
            Objects.requireNonNull(prepaidGrant, "prepaidGrant");
            Objects.requireNonNull(remaining, "remaining");
            Objects.requireNonNull(usage, "usage");
        }
    }

    /**
     * The reset of a grant.
     *
     * @param interval Autumn's word: {@code one_off}, {@code minute}, {@code hour}, {@code day}, {@code week}, {@code
     *     month}, {@code quarter}, {@code semi_annual}, {@code year}, or {@code multiple}
     * @param intervalCount how many intervals between resets (1 unless Autumn says otherwise)
     * @param resetsAt the next reset, or {@code null} (one-off grants)
     */
    public record Reset(String interval, int intervalCount, Instant resetsAt) {

        /** Checks the interval. */
        public Reset {
            Objects.requireNonNull(interval, "interval");
        }
    }
}
