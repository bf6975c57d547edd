package dev.autumncatalog.examples.billing;

import dev.autumncatalog.examples.billing.autumn.FeatureId;
import dev.autumncatalog.examples.billing.autumn.ProductId;
import java.util.Objects;
import java.util.function.Supplier;

/** Meters every API request: one API call is checked before the handler runs and tracked only when it succeeds. */
public final class ApiGateway {
    private final Metering metering;

    /** A gateway metering through {@code metering}. */
    public ApiGateway(Metering metering) {
        this.metering = Objects.requireNonNull(metering, "metering");
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
        if (!metering.allows(customerId, FeatureId.API_CALLS, 1)) {
            return new Response(
                    429,
                    "API call limit reached. Upgrade to " + ProductId.PRO.displayName() + " (" + ProductId.PRO.id()
                            + ") for more.");
        }
        String body;
        try {
            body = handler.get();
        } catch (RuntimeException e) {
            // Failed requests are not billed.
            return new Response(500, "Request failed: " + e.getMessage());
        }
        metering.record(customerId, FeatureId.API_CALLS, 1);
        return new Response(200, body);
    }
}
