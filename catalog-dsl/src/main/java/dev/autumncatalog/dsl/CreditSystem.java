package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import java.util.List;
import java.util.Objects;

/**
 * A credit system: one balance of credits that single-use features draw from, each at its own cost per unit.
 *
 * <pre>{@code
 * Feature CREDITS = feature("credits").name("Credits")
 *     .creditSystem(cost(API_CALLS, 1), cost(AI_TOKENS, "0.01"));
 * }</pre>
 *
 * @param id the feature id; letters, digits, {@code _} and {@code -}
 * @param name the display name
 * @param creditSchema what one unit of each metered feature costs in credits; at least one entry
 */
public record CreditSystem(String id, String name, List<CreditCost> creditSchema) implements Feature {
    /** Checks the id, the name, and that the schema is not empty. */
    public CreditSystem {
        Checks.id("feature", id);
        Checks.name("feature", id, name);
        Objects.requireNonNull(creditSchema, "creditSchema");
        creditSchema = List.copyOf(creditSchema);
        if (creditSchema.isEmpty()) {
            throw new IllegalArgumentException("credit system '" + id
                    + "' needs at least one credit cost, was none; add one: .creditSystem(cost(API_CALLS, 1))");
        }
    }

    @Override
    public FeatureType type() {
        return FeatureType.CREDIT_SYSTEM;
    }
}
