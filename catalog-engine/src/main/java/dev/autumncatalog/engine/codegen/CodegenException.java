package dev.autumncatalog.engine.codegen;

import java.util.List;

/**
 * The catalog cannot be turned into Java source: two ids map to one Java name, an id has no Java name, or an item
 * refers to a feature the catalog does not have. The message names every offending id and what to change.
 */
public final class CodegenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> ids;

    /** A failure caused by {@code ids}, explained by {@code message}. */
    public CodegenException(String message, List<String> ids) {
        super(message);
        this.ids = List.copyOf(ids);
    }

    /** The offending feature and product ids, in the order the message names them. */
    public List<String> ids() {
        return ids;
    }
}
