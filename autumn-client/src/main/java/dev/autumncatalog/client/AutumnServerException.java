package dev.autumncatalog.client;

/** Autumn answered 5xx: it failed, and the request may or may not have been applied. */
public final class AutumnServerException extends AutumnApiException {
    private static final long serialVersionUID = 1L;

    AutumnServerException(String attempted, String route, int status, String code, String message, String hint) {
        super(attempted, route, status, code, message, hint);
    }
}
