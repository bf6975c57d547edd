package dev.autumncatalog.sandbox;

import static dev.autumncatalog.sandbox.RunTimeFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Resets on the sandbox's clock: calendar arithmetic as the real server's date-fns {@code add} does it, and resets
 * that happen on the first read after the boundary, stepping from the previous boundary.
 */
class ResetsTest {
    @Test
    void add_monthsClampAtMonthEnd_andTheClampedDayCarriesOn_likeDateFns() {
        long jan31 = at("2027-01-31T10:00:00Z");
        long feb = Resets.add(jan31, "month", 1);
        assertThat(feb).isEqualTo(at("2027-02-28T10:00:00Z"));
        assertThat(Resets.add(feb, "month", 1)).isEqualTo(at("2027-03-28T10:00:00Z"));
        assertThat(Resets.add(jan31, "quarter", 1)).isEqualTo(at("2027-04-30T10:00:00Z"));
        assertThat(Resets.add(at("2028-02-29T00:00:00Z"), "year", 1)).isEqualTo(at("2029-02-28T00:00:00Z"));
        assertThat(Resets.add(jan31, "semi_annual", 2)).isEqualTo(at("2028-01-31T10:00:00Z"));
        assertThat(Resets.add(jan31, "week", 1)).isEqualTo(at("2027-02-07T10:00:00Z"));
        assertThat(Resets.add(jan31, "minute", 3)).isEqualTo(jan31 + 180_000);
    }

    @Test
    void add_oneOff_isRefused_becauseItNeverResets() {
        assertThatThrownBy(() -> Resets.add(0, "one_off", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no reset arithmetic for interval 'one_off'");
    }

    @Test
    void nextAfter_skipsMissedPeriods_steppingFromThePreviousBoundary() {
        long boundary = at("2027-01-31T10:00:00Z");
        long now = at("2027-05-01T00:00:00Z");
        // Jan 31 → Feb 28 → Mar 28 → Apr 28 → May 28: the first boundary after now, not now + 1 month.
        assertThat(Resets.nextAfter(boundary, "month", 1, now)).isEqualTo(at("2027-05-28T10:00:00Z"));
        assertThat(Resets.nextAfter(boundary, "day", 1, boundary)).isEqualTo(boundary + 86_400_000);
    }

    @Test
    void apply_refillsDueBalancesOnce_andDropsExpiredGrants() {
        Ledger.Customer customer = new Ledger.Customer();
        Ledger.Subscription subscription = new Ledger.Subscription();
        Ledger.Balance monthly = balance("10", "-4", "month", 1_000L);
        Ledger.Balance lifetime = balance("5", "1", "one_off", null);
        subscription.balances.add(monthly);
        subscription.balances.add(lifetime);
        customer.subscriptions.add(subscription);
        Ledger.Balance expiring = balance("3", "3", "one_off", null);
        expiring.expiresAt = 2_000L;
        customer.grants.add(expiring);

        assertThat(Resets.apply(customer, 999)).isFalse();
        assertThat(Resets.apply(customer, 2_000)).isTrue();
        assertThat(monthly.balance).isEqualByComparingTo("10");
        assertThat(monthly.nextResetAt).isEqualTo(Resets.add(1_000L, "month", 1));
        assertThat(lifetime.balance).as("one-off balances never reset").isEqualByComparingTo("1");
        assertThat(customer.grants).as("expired grant").isEmpty();
    }

    @Test
    void monthlyPlanBalance_resetsOnTheFirstReadAfterTheBoundary_andNotBefore() {
        try (RunTimeFixture f = new RunTimeFixture()) {
            f.customer("c1");
            f.track("{\"customer_id\":\"c1\",\"feature_id\":\"api_calls\",\"value\":30}");
            assertThat(f.balance("c1", "api_calls").get("next_reset_at").asLong())
                    .isEqualTo(at("2027-02-28T10:00:00Z"));

            f.sandbox.clock().set(java.time.Instant.parse("2027-02-28T09:59:59.999Z"));
            assertThat(f.balance("c1", "api_calls").get("remaining").asInt()).isEqualTo(70);

            f.sandbox.clock().advance(Duration.ofMillis(1));
            RunTimeFixture.assertJson(f.balance("c1", "api_calls"), """
                    {"feature_id":"api_calls","granted":100,"remaining":100,"usage":0,"unlimited":false,
                     "overage_allowed":false,"max_purchase":null,"next_reset_at":%d,
                     "breakdown":[{"id":"<id>","plan_id":"free","included_grant":100,"prepaid_grant":0,
                       "remaining":100,"usage":0,"unlimited":false,
                       "reset":{"interval":"month","resets_at":%d},"price":null,"expires_at":null}]}
                    """.formatted(
                            at("2027-03-28T10:00:00Z"), at("2027-03-28T10:00:00Z")));
        }
    }

    @Test
    void clockAdvancedPastSeveralMonths_refillsOnce_andMovesTheNextResetPastNow() {
        try (RunTimeFixture f = new RunTimeFixture()) {
            f.customer("c1");
            f.track("{\"customer_id\":\"c1\",\"feature_id\":\"credits\",\"value\":50}");
            f.sandbox.clock().advance(Duration.ofDays(95)); // 2027-05-06
            JsonAssertions.assertBalance(f.balance("c1", "credits"), 50, 50, 0, at("2027-05-28T10:00:00Z"));
        }
    }

    private static Ledger.Balance balance(String granted, String left, String interval, Long nextReset) {
        Ledger.Balance balance = new Ledger.Balance();
        balance.granted = new BigDecimal(granted);
        balance.balance = new BigDecimal(left);
        balance.interval = interval;
        balance.nextResetAt = nextReset;
        return balance;
    }
}
