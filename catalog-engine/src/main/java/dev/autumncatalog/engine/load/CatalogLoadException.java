package dev.autumncatalog.engine.load;

/** The catalog class could not be found, created or called. The message says where we looked and what to change. */
public final class CatalogLoadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure with its explanation. */
    public CatalogLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
