package dev.autumncatalog.engine.plan;

import java.util.Objects;

/**
 * One field of an entity that a change sets, with its typed value before and after: {@code
 * items[api_calls].included: 10,000 → 20,000} compares {@code Value.Included(10000)} with {@code
 * Value.Included(20000)}. The plan's wording of a value is {@link Value#text()}; text values such as names are unquoted
 * there and quoted by the renderer.
 *
 * @param path where: {@code name}, {@code price.amount}, {@code items[api_calls].included}, {@code
 *     creditSchema[ai_tokens]}
 * @param before the value Autumn has, or {@code null} when the field is new (and for creates)
 * @param after the value the catalog has, or {@code null} when the field goes away
 */
public record FieldChange(String path, Value before, Value after) {
    /** The path is required, and at least one value. */
    public FieldChange {
        Objects.requireNonNull(path, "path");
        if (before == null && after == null) {
            throw new IllegalArgumentException("field change " + path + " needs a before or an after value");
        }
        if (before != null && after != null && before.getClass() != after.getClass()) {
            // One kind per field, so a reader of the JSON plan can read both sides the same way.
            throw new IllegalArgumentException(
                    "field change " + path + " compares a " + before.getClass().getSimpleName() + " with a "
                            + after.getClass().getSimpleName());
        }
    }

    /** {@code path: before → after}, with {@code none} for a missing value. */
    @Override
    public String toString() {
        return path + ": " + (before == null ? "none" : before.text()) + " → "
                + (after == null ? "none" : after.text());
    }
}
