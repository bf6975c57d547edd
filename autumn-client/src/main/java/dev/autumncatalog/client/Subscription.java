package dev.autumncatalog.client;

import java.time.Instant;
import java.util.Objects;

/**
 * A plan a customer (or entity) is on.
 *
 * @param id Autumn's id ({@code cus_prod_…})
 * @param planId the plan
 * @param status Autumn's word: {@code active}, {@code scheduled}, {@code past_due}, …
 * @param addOn whether the plan is an add-on
 * @param autoEnable whether it was attached automatically at creation
 * @param pastDue whether payment is past due
 * @param startedAt when it started, or {@code null}
 * @param canceledAt when it was canceled, or {@code null}
 * @param expiresAt when it expires, or {@code null}
 * @param trialEndsAt when its trial ends, or {@code null}
 * @param currentPeriodStart the current billing period's start, or {@code null} (free plans)
 * @param currentPeriodEnd the current billing period's end, or {@code null} (free plans)
 * @param quantity how many of the plan
 */
public record Subscription(
        String id,
        String planId,
        String status,
        boolean addOn,
        boolean autoEnable,
        boolean pastDue,
        Instant startedAt,
        Instant canceledAt,
        Instant expiresAt,
        Instant trialEndsAt,
        Instant currentPeriodStart,
        Instant currentPeriodEnd,
        long quantity) {

    /** Checks the plan id. */
    public Subscription {
        Objects.requireNonNull(planId, "planId");
    }
}
