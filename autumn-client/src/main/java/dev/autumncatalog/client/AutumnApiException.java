package dev.autumncatalog.client;

/**
 * Autumn answered with an error status. Autumn's errors are {@code {"message", "code", "env"}}: {@link #code()} and
 * {@link #detail()} carry them (a 429 is plain text, its text is the detail). Subtypes by status: {@link
 * AutumnAuthException} (401, 403), {@link AutumnNotFoundException} (404), {@link AutumnRateLimitException} (429),
 * {@link AutumnServerException} (5xx); other statuses (400 {@code invalid_inputs}, 409, a redirect) are this type.
 */
public class AutumnApiException extends AutumnException {
    private static final long serialVersionUID = 1L;

    AutumnApiException(String attempted, String route, int status, String code, String message, String hint) {
        super(attempted, route, status, code, message, hint, null);
    }
}
