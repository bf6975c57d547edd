package dev.autumncatalog.engine;

import dev.autumncatalog.dsl.CatalogValidationException;
import dev.autumncatalog.dsl.Problem;
import java.util.List;
import java.util.Objects;

/**
 * The catalog loaded but is invalid; nothing was requested or written. The message lists every problem with its path;
 * {@link #className()} says which class to fix.
 */
public final class InvalidCatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String className;

    /** The validation failure of the catalog of {@code className}. */
    public InvalidCatalogException(String className, CatalogValidationException cause) {
        super(cause.getMessage(), cause);
        this.className = Objects.requireNonNull(className, "className");
    }

    /** The catalog class (or the origin of a catalog built in code). */
    public String className() {
        return className;
    }

    /** Every problem, with its path. */
    public List<Problem> problems() {
        return ((CatalogValidationException) getCause()).problems();
    }
}
