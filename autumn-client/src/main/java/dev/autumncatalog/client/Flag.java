package dev.autumncatalog.client;

import java.time.Instant;
import java.util.Objects;

/**
 * A boolean feature the customer has.
 *
 * @param id Autumn's id of the grant ({@code cus_ent_…})
 * @param planId the plan it comes from, or {@code null} for a standalone grant
 * @param featureId the boolean feature
 * @param expiresAt when it expires, or {@code null}
 */
public record Flag(String id, String planId, String featureId, Instant expiresAt) {

    /** Checks the feature id. */
    public Flag {
        Objects.requireNonNull(featureId, "featureId");
    }
}
