package dev.autumncatalog.engine.autumn;

/** Autumn refused the secret key (401 {@code invalid_secret_key}, {@code no_secret_key}, a bad token prefix) or its scopes (403). Fix the key, not the catalog. */
public class AutumnAuthException extends AutumnApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link AutumnApiException#AutumnApiException(String, String, String, int, String, String, String, Throwable)}. */
    public AutumnAuthException(
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
