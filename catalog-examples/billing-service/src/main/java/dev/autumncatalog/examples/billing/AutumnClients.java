package dev.autumncatalog.examples.billing;

import dev.autumncatalog.client.AutumnClient;
import dev.autumncatalog.client.Environment;
import java.util.Map;

/** The service's one {@link AutumnClient}, built from its environment. */
public final class AutumnClients {
    private AutumnClients() {}

    /**
     * A client on {@code AUTUMN_SECRET_KEY}, refusing a key of another environment than {@code AUTUMN_ENVIRONMENT}
     * ({@code live} or, by default, {@code sandbox}).
     *
     * @throws IllegalArgumentException when the key is missing or belongs to the other environment (never naming it)
     */
    public static AutumnClient fromEnvironment(Map<String, String> env) {
        // README:begin
        AutumnClient autumn = AutumnClient.builder() // one per application; thread-safe
                .secretKey(env.get("AUTUMN_SECRET_KEY"))
                .expectEnvironment(
                        "live".equals(env.get("AUTUMN_ENVIRONMENT")) ? Environment.LIVE : Environment.SANDBOX)
                .build();
        // README:end
        return autumn;
    }
}
