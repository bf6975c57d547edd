package dev.autumncatalog.client;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A customer with its plans, balances and boolean features.
 *
 * <pre>{@code
 * Customer customer = autumn.getOrCreateCustomer(CustomerRequest.of(userId).name(name).email(email));
 * Balance calls = customer.balances().get("api_calls");
 * boolean sso = customer.flags().containsKey("sso");
 * }</pre>
 *
 * @param id the customer id
 * @param name the name, or {@code null}
 * @param email the email address, or {@code null}
 * @param createdAt when Autumn created it
 * @param environment the environment it lives in, or {@code null} for a word the client does not know
 * @param metadata the customer's metadata (JSON values as {@code String}, {@code BigDecimal}/{@code Integer}/{@code
 *     Long}, {@code Boolean}, {@code List}, {@code Map})
 * @param subscriptions the plans it is on
 * @param balances its balances by feature id
 * @param flags its boolean features by feature id
 */
public record Customer(
        String id,
        String name,
        String email,
        Instant createdAt,
        Environment environment,
        Map<String, Object> metadata,
        List<Subscription> subscriptions,
        Map<String, Balance> balances,
        Map<String, Flag> flags) {

    /** Checks the id and copies the collections. */
    public Customer {
        Objects.requireNonNull(id, "id");
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        subscriptions = List.copyOf(subscriptions);
        balances = Maps.copy(balances);
        flags = Maps.copy(flags);
    }
}
