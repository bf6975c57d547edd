package dev.autumncatalog.examples.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.examples.billing.autumn.Credits;
import dev.autumncatalog.examples.billing.autumn.Metered;
import dev.autumncatalog.examples.pricing.Pricing;
import dev.autumncatalog.sandbox.junit.AutumnSandboxExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The remaining quota as users see it, against the sandbox with the pricing catalog pushed. */
class QuotaViewTest {
    @RegisterExtension
    static AutumnSandboxExtension autumn = AutumnSandboxExtension.withCatalog(new Pricing());

    private final QuotaView quota = new QuotaView(autumn.client());

    /** One calendar month after {@code start}, as Autumn counts a monthly reset from the subscription's start. */
    private static String monthAfter(Instant start) {
        return start.atZone(ZoneOffset.UTC).plusMonths(1).toLocalDate().toString();
    }

    @Test
    void describe_whatIsLeftAndWhenItResets() {
        Instant start = autumn.now();
        String customer = autumn.customerOn("free");
        autumn.client().track(customer, Metered.API_CALLS, 88);

        assertThat(quota.describe(customer, Metered.API_CALLS, "API calls"))
                .isEqualTo("912 of 1,000 API calls left; resets on " + monthAfter(start));
    }

    @Test
    void describe_overage_saysHowMuchIsBilled() {
        Instant start = autumn.now();
        String customer = autumn.customerOn("business");
        autumn.client().track(customer, Metered.API_CALLS, 100_005);

        assertThat(quota.describe(customer, Metered.API_CALLS, "API calls"))
                .isEqualTo("0 of 100,000 API calls left (5 over, billed as overage); resets on " + monthAfter(start));
    }

    @Test
    void describe_creditPlan_showsTheCreditsInFractions() {
        Instant start = autumn.now();
        String customer = autumn.customerOn("flex");
        autumn.client().track(customer, Metered.AI_TOKENS, 1_250); // 12.5 credits

        assertThat(quota.describe(customer, Credits.CREDITS, "credits"))
                .isEqualTo("1,987.5 of 2,000 credits left; resets on " + monthAfter(start));
    }

    @Test
    void describe_seatsNeverReset_andAPlanWithoutTheFeature_saysSo() {
        String business = autumn.customerOn("business");
        String free = autumn.customerOn("free");

        assertThat(quota.describe(business, Metered.SEATS, "seats")).isEqualTo("3 of 3 seats left");
        assertThat(quota.describe(free, Credits.CREDITS, "credits")).isEqualTo("No credits on your plan");
    }
}
