package dev.autumncatalog.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sub-resource of a customer (a seat, a project, a workspace) with its own balances.
 *
 * <pre>{@code
 * Entity seat = autumn.createEntity(EntityRequest.of(customerId, userId, Metered.SEATS).name(userName));
 * }</pre>
 *
 * @param id the entity id
 * @param name the name, or {@code null}
 * @param customerId the customer it belongs to
 * @param featureId the feature it is an entity of; {@code null} in the answer to {@code entities.create}, which leaves
 *     it out (Autumn's {@code entities.get} has it)
 * @param createdAt when Autumn created it
 * @param environment the environment, or {@code null} for a word the client does not know
 * @param subscriptions the plans that apply to it
 * @param balances its balances by feature id
 * @param flags its boolean features by feature id
 */
public record Entity(
        String id,
        String name,
        String customerId,
        String featureId,
        Instant createdAt,
        Environment environment,
        List<Subscription> subscriptions,
        Map<String, Balance> balances,
        Map<String, Flag> flags) {

    /** Checks the ids and copies the collections. */
    public Entity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        subscriptions = List.copyOf(subscriptions);
        balances = Maps.copy(balances);
        flags = Maps.copy(flags);
    }
}
