package dev.autumncatalog.engine;

/** The user declined to push to live Autumn when asked; nothing was changed. */
public final class PushCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The cancellation. */
    public PushCancelledException() {
        super("Push to live Autumn cancelled; nothing was changed.");
    }
}
