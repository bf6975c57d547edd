package dev.autumncatalog.engine.plan;

import java.util.Objects;

/**
 * One field of an entity that a change sets, with its readable value before and after: {@code
 * items[api_calls].included: 10,000 → 20,000}. Values are exactly what the plan shows ({@code 10,000}, {@code $9.99},
 * {@code month}); text values such as names are unquoted here and quoted by the renderer.
 *
 * @param path where: {@code name}, {@code price.amount}, {@code items[api_calls].included}, {@code
 *     creditSchema[ai_tokens]}
 * @param before the value Autumn has, or {@code null} when the field is new (and for creates)
 * @param after the value the catalog has, or {@code null} when the field goes away
 */
public record FieldChange(String path, String before, String after) {
    /** The path is required, and at least one value. */
    public FieldChange {
        Objects.requireNonNull(path, "path");
        if (before == null && after == null) {
            throw new IllegalArgumentException("field change " + path + " needs a before or an after value");
        }
    }

    /** {@code path: before → after}, with {@code none} for a missing value. */
    @Override
    public String toString() {
        return path + ": " + (before == null ? "none" : before) + " → " + (after == null ? "none" : after);
    }
}
