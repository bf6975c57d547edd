package dev.autumncatalog.examples.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.examples.billing.autumn.Features;
import org.junit.jupiter.api.Test;

class ApiGatewayTest {
    private final InMemoryBilling billing = new InMemoryBilling();
    private final ApiGateway gateway = new ApiGateway(new Metering(billing));

    @Test
    void handle_withinLimit_runsAndTracksOneCall() {
        billing.grant("cus_1", Features.API_CALLS, 2);

        ApiGateway.Response response = gateway.handle("cus_1", () -> "ok");

        assertThat(response).isEqualTo(new ApiGateway.Response(200, "ok"));
        assertThat(billing.tracked()).containsExactly(new InMemoryBilling.Tracked("cus_1", "api_calls", 1));
    }

    @Test
    void handle_limitReached_answers429SuggestingPro() {
        billing.grant("cus_1", Features.API_CALLS, 1);
        gateway.handle("cus_1", () -> "first");

        ApiGateway.Response response = gateway.handle("cus_1", () -> "second");

        assertThat(response)
                .isEqualTo(new ApiGateway.Response(429, "API call limit reached. Upgrade to Pro (pro) for more."));
        assertThat(billing.tracked()).hasSize(1);
    }

    @Test
    void handle_handlerFails_tracksNothing() {
        billing.grant("cus_1", Features.API_CALLS, 10);

        ApiGateway.Response response = gateway.handle("cus_1", () -> {
            throw new IllegalStateException("database down");
        });

        assertThat(response).isEqualTo(new ApiGateway.Response(500, "Request failed: database down"));
        assertThat(billing.tracked()).isEmpty();
    }

    @Test
    void handle_unknownCustomer_isRefused() {
        assertThat(gateway.handle("cus_nobody", () -> "ok").status()).isEqualTo(429);
    }
}
