package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import dev.autumncatalog.dsl.internal.Notes;
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
 * @param eventNames event names whose tracked usage Autumn also counts for this credit system; empty for none
 * @param isArchived whether it is kept archived in Autumn
 */
public record CreditSystem(
        String id, String name, List<CreditCost> creditSchema, List<String> eventNames, boolean isArchived)
        implements Feature {
    /**
     * Requires an id, a name, a schema and the event names, and copies the lists; their values (an empty schema too)
     * are checked by {@link Catalog#validate()}.
     */
    public CreditSystem {
        Objects.requireNonNull(id, "feature id");
        Checks.requireName("feature", id, name);
        creditSchema = List.copyOf(Objects.requireNonNull(creditSchema, "creditSchema"));
        eventNames = Checks.eventNames(eventNames);
    }

    /** A credit system without event names, not archived. */
    public CreditSystem(String id, String name, List<CreditCost> creditSchema) {
        this(id, name, creditSchema, List.of(), false);
    }

    @Override
    public FeatureType type() {
        return FeatureType.CREDIT_SYSTEM;
    }

    @Override
    public CreditSystem eventNames(String... names) {
        List<String> list = List.of(Objects.requireNonNull(names, "names"));
        return Notes.of(this)
                .check("eventNames", Checks.eventNamesProblem(id, list))
                .on(new CreditSystem(id, name, creditSchema, list, isArchived));
    }

    @Override
    public CreditSystem archived() {
        return Notes.of(this).on(new CreditSystem(id, name, creditSchema, eventNames, true));
    }
}
