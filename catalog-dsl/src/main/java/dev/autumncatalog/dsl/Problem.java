package dev.autumncatalog.dsl;

import java.util.Objects;

/**
 * One thing wrong with a catalog, with where it is: its path in the catalog and, for a bad value, the line that wrote
 * it.
 *
 * <pre>{@code
 * Plans.java:23: products[pro].items[0]: price amount must be ≥ 0, was -5   // toString()
 * }</pre>
 *
 * @param path where in the catalog: {@code products[pro].items[2]}, {@code features[credits].creditSchema[0]}
 * @param message what is wrong and how to fix it
 * @param source the line that wrote the bad value, or {@code null}: rules about how values fit together, and values
 *     that did not come from a DSL step (a record built with {@code new}), have none
 */
public record Problem(String path, String message, SourceLocation source) {
    /** Path and message are required. */
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** A problem without a source line. */
    public Problem(String path, String message) {
        this(path, message, null);
    }

    /** {@code path: message}, after {@code Plans.java:23: } when the source line is known. */
    @Override
    public String toString() {
        return (source == null ? "" : source + ": ") + path + ": " + message;
    }
}
