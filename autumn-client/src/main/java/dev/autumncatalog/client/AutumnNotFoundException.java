package dev.autumncatalog.client;

/**
 * Autumn answered 404: {@code customer_not_found}, {@code feature_not_found}, or {@code invalid_request} for an event
 * name no feature has. {@link #code()} tells which.
 */
public final class AutumnNotFoundException extends AutumnApiException {
    private static final long serialVersionUID = 1L;

    AutumnNotFoundException(String attempted, String route, int status, String code, String message, String hint) {
        super(attempted, route, status, code, message, hint);
    }
}
