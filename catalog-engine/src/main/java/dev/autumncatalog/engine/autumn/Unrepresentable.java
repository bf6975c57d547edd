package dev.autumncatalog.engine.autumn;

/** Content the DSL cannot express; the entity reads back with a {@code null} model and this as its reason. */
final class Unrepresentable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unrepresentable(String message) {
        super(message, null, false, false);
    }
}
