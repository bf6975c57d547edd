package dev.autumncatalog.engine;

import dev.autumncatalog.dsl.Catalog;
import java.util.Objects;

/**
 * A catalog that loaded and passed validation.
 *
 * @param className the catalog class (or the origin of a catalog built in code)
 * @param catalog the valid catalog
 */
public record Validated(String className, Catalog catalog) {
    /** Both are required. */
    public Validated {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(catalog, "catalog");
    }
}
