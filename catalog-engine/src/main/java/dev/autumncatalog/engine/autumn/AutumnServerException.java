package dev.autumncatalog.engine.autumn;

/** Autumn failed (5xx) after every retry the client was allowed, or on a write that could not be safely retried. */
public class AutumnServerException extends AutumnApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link AutumnApiException#AutumnApiException(String, String, String, int, String, String, String, Throwable)}. */
    public AutumnServerException(
            String method,
            String route,
            String entityId,
            int status,
            String code,
            String autumnMessage,
            String hint,
            Throwable cause) {
        super(method, route, entityId, status, code, autumnMessage, hint, cause);
    }
}
