package dev.autumncatalog.client;

import java.util.Objects;

/**
 * An {@code entities.create}: a sub-resource of a customer (a seat, a project) counted against a metered feature.
 * Creating an entity of a continuous feature (seats) uses one unit of it; deleting the entity gives it back.
 *
 * <pre>{@code
 * autumn.createEntity(EntityRequest.of(customerId, userId, Metered.SEATS).name(user.displayName()));
 * }</pre>
 *
 * @param customerId the customer; Autumn creates it (on the auto-enabled plans) if it does not exist
 * @param entityId the entity id
 * @param feature the feature the entity counts against
 * @param name the name, or {@code null}
 */
public record EntityRequest(String customerId, String entityId, Trackable feature, String name) {

    /** Checks the ids. */
    public EntityRequest {
        Ids.required(customerId, "customerId");
        Ids.required(entityId, "entityId");
        Objects.requireNonNull(feature, "feature");
    }

    /** Entity {@code entityId} of {@code customerId}, counted against {@code feature}. */
    public static EntityRequest of(String customerId, String entityId, Trackable feature) {
        return new EntityRequest(customerId, entityId, feature, null);
    }

    /** This request, with the entity's name. */
    public EntityRequest name(String name) {
        return new EntityRequest(customerId, entityId, feature, name);
    }
}
