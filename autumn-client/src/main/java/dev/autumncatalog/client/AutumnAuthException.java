package dev.autumncatalog.client;

/** Autumn refused the secret key (401) or its scope (403). */
public final class AutumnAuthException extends AutumnApiException {
    private static final long serialVersionUID = 1L;

    AutumnAuthException(String attempted, String route, int status, String code, String message, String hint) {
        super(attempted, route, status, code, message, hint);
    }
}
