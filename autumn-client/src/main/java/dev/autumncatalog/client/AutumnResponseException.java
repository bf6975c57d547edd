package dev.autumncatalog.client;

/**
 * Autumn answered with a success status, but the client cannot read the answer: not JSON, cut short, or missing a
 * field the API promises. {@link #status()} is the answer's status.
 */
public class AutumnResponseException extends AutumnException {
    private static final long serialVersionUID = 1L;

    AutumnResponseException(String attempted, String route, int status, String detail, String hint, Throwable cause) {
        super(attempted, route, status, null, detail, hint, cause);
    }
}
