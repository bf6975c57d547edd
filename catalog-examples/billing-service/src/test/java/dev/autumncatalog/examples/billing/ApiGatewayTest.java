package dev.autumncatalog.examples.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.client.Balance;
import dev.autumncatalog.examples.billing.autumn.Credits;
import dev.autumncatalog.examples.billing.autumn.Metered;
import dev.autumncatalog.examples.pricing.Pricing;
import dev.autumncatalog.sandbox.junit.AutumnSandboxExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Usage limits, overage, the credit system and the monthly reset, against the sandbox with the pricing catalog pushed
 * (free: 1,000 API calls a month; business: 100,000, then overage; flex: credits, 1 per call).
 */
class ApiGatewayTest {
    @RegisterExtension
    static AutumnSandboxExtension autumn = AutumnSandboxExtension.withCatalog(new Pricing());

    private final ApiGateway gateway = new ApiGateway(autumn.client());
    private final AtomicInteger handled = new AtomicInteger();

    private ApiGateway.Response call(String customer) {
        return gateway.handle(customer, () -> "ok " + handled.incrementAndGet());
    }

    private static Balance calls(String customer) {
        return autumn.client().check(customer, Metered.API_CALLS).balance();
    }

    @Test
    void usageLimit_theLastIncludedCallIsServed_theNextIsRefusedAndNotRun() {
        String customer = autumn.customerOn("free");
        autumn.client().track(customer, Metered.API_CALLS, 999);

        assertThat(call(customer)).isEqualTo(new ApiGateway.Response(200, "ok 1"));
        assertThat(call(customer)).isEqualTo(new ApiGateway.Response(429, "API call limit reached. Upgrade to Pro."));

        assertThat(handled).hasValue(1);
        assertThat(calls(customer).usage()).isEqualByComparingTo("1000");
    }

    @Test
    void failedRequest_isNotBilled() {
        String customer = autumn.customerOn("free");

        ApiGateway.Response response = gateway.handle(customer, () -> {
            throw new IllegalStateException("database down");
        });

        assertThat(response).isEqualTo(new ApiGateway.Response(500, "Request failed: database down"));
        assertThat(calls(customer).usage()).isEqualByComparingTo("0");
    }

    @Test
    void monthlyReset_afterAMonthOfClockTime_theAllowanceIsBack() {
        String customer = autumn.customerOn("free");
        autumn.client().track(customer, Metered.API_CALLS, 1_000);
        assertThat(call(customer).status()).isEqualTo(429);

        autumn.advanceClock(Duration.ofDays(31));

        assertThat(call(customer).status()).isEqualTo(200);
        assertThat(calls(customer).usage()).isEqualByComparingTo("1");
        assertThat(calls(customer).nextResetAt()).isAfter(autumn.now());
    }

    @Test
    void overage_pastTheIncludedCalls_isServedAndCounted() {
        String customer = autumn.customerOn("business");
        autumn.client().track(customer, Metered.API_CALLS, 100_000);

        assertThat(call(customer).status()).isEqualTo(200);

        Balance balance = calls(customer);
        assertThat(balance.overageAllowed()).isTrue();
        assertThat(balance.granted()).isEqualByComparingTo("100000");
        assertThat(balance.usage()).isEqualByComparingTo("100001");
    }

    @Test
    void creditSystem_aCallOnTheCreditPlan_spendsOneCredit() {
        String customer = autumn.customerOn("flex");

        assertThat(call(customer).status()).isEqualTo(200);

        assertThat(autumn.client().check(customer, Credits.CREDITS).balance().remaining())
                .isEqualByComparingTo("1999");
    }
}
