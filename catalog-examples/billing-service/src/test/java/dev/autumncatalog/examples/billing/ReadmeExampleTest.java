package dev.autumncatalog.examples.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.examples.billing.autumn.Metered;
import dev.autumncatalog.examples.pricing.Pricing;
import dev.autumncatalog.sandbox.junit.AutumnSandboxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The test the README shows under "Use it in your service" ({@link ReadmeTest} keeps them equal). */
class ReadmeExampleTest {
    // README:begin
    @RegisterExtension
    static AutumnSandboxExtension autumn = AutumnSandboxExtension.withCatalog(new Pricing());

    @Test
    void freePlan_stopsAtItsMonthlyCalls_untilTheNextMonth() {
        String customer = autumn.customerOn("free");
        ApiGateway gateway = new ApiGateway(autumn.client());
        autumn.client().track(customer, Metered.API_CALLS, 1_000);
        assertThat(gateway.handle(customer, () -> "ok").status()).isEqualTo(429);

        autumn.advanceClock(Duration.ofDays(31));

        assertThat(gateway.handle(customer, () -> "ok").status()).isEqualTo(200);
    }
    // README:end
}
