package dev.autumncatalog.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Iterator;

/**
 * Resets and expiry, applied lazily when a customer is read, as the real server does ({@code getResetAtUpdate},
 * {@code processReset}): a balance whose {@code next_reset_at} has passed is refilled to its grant, and its next reset
 * moves forward one interval at a time from the previous boundary until it is in the future. Months are calendar
 * months in UTC, clamped at month end like date-fns {@code add} (Jan 31 → Feb 28 → Mar 28).
 */
final class Resets {
    private Resets() {}

    /** {@code from} plus {@code count} intervals. */
    static long add(long from, String interval, int count) {
        ZonedDateTime at = Instant.ofEpochMilli(from).atZone(ZoneOffset.UTC);
        ZonedDateTime next;
        switch (interval) {
            case "minute":
                next = at.plusMinutes(count);
                break;
            case "hour":
                next = at.plusHours(count);
                break;
            case "day":
                next = at.plusDays(count);
                break;
            case "week":
                next = at.plusWeeks(count);
                break;
            case "month":
                next = at.plusMonths(count);
                break;
            case "quarter":
                next = at.plusMonths(3L * count);
                break;
            case "semi_annual":
                next = at.plusMonths(6L * count);
                break;
            case "year":
                next = at.plusYears(count);
                break;
            default:
                throw new IllegalArgumentException("no reset arithmetic for interval '" + interval + "'");
        }
        return next.toInstant().toEpochMilli();
    }

    /** The first boundary after {@code now}, stepping from {@code previous}. */
    static long nextAfter(long previous, String interval, int count, long now) {
        long next = add(previous, interval, count);
        while (next <= now) {
            next = add(next, interval, count);
        }
        return next;
    }

    /**
     * Refills every balance of {@code customer} whose reset is due and drops expired grants; {@code true} when
     * anything changed.
     */
    static boolean apply(Ledger.Customer customer, long now) {
        boolean changed = false;
        for (Ledger.Balance balance : customer.allBalances()) {
            if (balance.unlimited || !balance.periodic() || balance.nextResetAt == null || balance.nextResetAt > now) {
                continue;
            }
            balance.balance = balance.granted;
            balance.nextResetAt = nextAfter(balance.nextResetAt, balance.interval, balance.intervalCount, now);
            changed = true;
        }
        for (Iterator<Ledger.Balance> grants = customer.grants.iterator(); grants.hasNext(); ) {
            Ledger.Balance grant = grants.next();
            if (grant.expiresAt != null && grant.expiresAt <= now) {
                grants.remove();
                changed = true;
            }
        }
        return changed;
    }
}
