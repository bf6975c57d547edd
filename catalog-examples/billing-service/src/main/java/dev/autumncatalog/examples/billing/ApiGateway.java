package dev.autumncatalog.examples.billing;

import dev.autumncatalog.client.AutumnClient;
import dev.autumncatalog.client.CheckResult;
import dev.autumncatalog.examples.billing.autumn.Metered;
import dev.autumncatalog.examples.billing.autumn.ProductId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Meters every API request: one API call is checked before the handler runs and tracked only when it succeeds. Past
 * the included calls a plan with overage ({@code business}) stays allowed and the extra calls are billed; a plan
 * without it answers 429.
 */
public final class ApiGateway {
    private final AutumnClient autumn;

    /** A gateway metering through {@code autumn}. */
    public ApiGateway(AutumnClient autumn) {
        this.autumn = Objects.requireNonNull(autumn, "autumn");
    }

    /**
     * A response.
     *
     * @param status the HTTP status
     * @param body the body
     */
    public record Response(int status, String body) {}

    /** Runs {@code handler} for {@code customerId} when their API call balance allows it. */
    public Response handle(String customerId, Supplier<String> handler) {
        // README:begin (the README's "Use it in your service" shows this part; ReadmeTest keeps them equal)
        CheckResult check = autumn.check(customerId, Metered.API_CALLS);
        if (!check.allowed()) {
            return new Response(429, "API call limit reached. Upgrade to " + ProductId.PRO.displayName() + ".");
        }
        // check.degraded(): Autumn could not answer and the client failed open; the call is served and still tracked.
        String body;
        try {
            body = handler.get();
        } catch (RuntimeException e) {
            return new Response(500, "Request failed: " + e.getMessage()); // failed requests are not billed
        }
        autumn.track(customerId, Metered.API_CALLS, 1);
        return new Response(200, body);
        // README:end
    }
}
