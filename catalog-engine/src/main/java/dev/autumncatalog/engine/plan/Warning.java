package dev.autumncatalog.engine.plan;

import java.util.Objects;

/**
 * Something the plan reader should know that is not a change: remote content the DSL cannot express and that the plan
 * leaves alone, or a change Autumn may refuse.
 *
 * @param entity {@code feature} or {@code plan}
 * @param id the entity's id
 * @param message what to know, in a sentence
 */
public record Warning(Change.Entity entity, String id, String message) {
    /** All are required. */
    public Warning {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
    }

    /** {@code plan enterprise: message}. */
    @Override
    public String toString() {
        return entity.word() + " " + id + ": " + message;
    }
}
