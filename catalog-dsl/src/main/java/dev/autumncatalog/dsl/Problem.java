package dev.autumncatalog.dsl;

import java.util.Objects;

/**
 * One thing wrong with a catalog, with where it is.
 *
 * @param path where: {@code products[pro].items[2]}, {@code features[credits].creditSchema[0]}
 * @param message what is wrong and how to fix it
 */
public record Problem(String path, String message) {
    /** Both are required. */
    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code path: message}. */
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
