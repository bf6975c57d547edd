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
    /**
     * Requires an id, a name and a schema, and copies the schema; their values (an empty schema too) are checked by
     * {@link Catalog#validate()}.
     */
    public CreditSystem {
        Objects.requireNonNull(id, "feature id");
        Checks.requireName("feature", id, name);
        creditSchema = List.copyOf(Objects.requireNonNull(creditSchema, "creditSchema"));
    }

    @Override
    public FeatureType type() {
        return FeatureType.CREDIT_SYSTEM;
    }
}
