package dev.autumncatalog.client;

/**
 * A call to Autumn that did not do what was asked. Carries what was attempted and what came back, so callers can
 * reword it without parsing the message, and never the secret key: everything Autumn sends back is scrubbed of the
 * key and of anything shaped like one.
 *
 * <p>The message says what was tried, what failed and, where there is one, what to do:
 *
 * <pre>
 * Tried to track 1 of 'api_calls' for customer 'nobody', but Autumn answered 404 customer_not_found: Customer nobody
 * not found [POST /v1/balances.track]. Create the customer first (getOrCreateCustomer) or check the id
 * </pre>
 *
 * <p>Subtypes: {@link AutumnApiException} (Autumn answered an error), {@link AutumnTransportException} (no answer),
 * {@link AutumnResponseException} (an answer the client cannot read), {@link TrackFailedException} (a track not
 * delivered after every attempt), {@link WrongFeatureTypeException} (a track refused before sending).
 */
public class AutumnException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String attempted;
    private final String route;
    private final int status;
    private final String code;
    private final String detail;
    private final String hint;

    AutumnException(
            String attempted, String route, int status, String code, String detail, String hint, Throwable cause) {
        super(Redaction.scrubShapes(describe(attempted, route, status, code, detail, hint)), cause);
        this.attempted = attempted;
        this.route = route;
        this.status = status;
        this.code = Redaction.scrubShapes(code);
        this.detail = Redaction.scrubShapes(detail);
        this.hint = hint;
    }

    private static String describe(
            String attempted, String route, int status, String code, String detail, String hint) {
        StringBuilder text = new StringBuilder(attempted).append(", but ");
        if (status > 0) {
            text.append("Autumn answered ").append(status);
            if (code != null) {
                text.append(' ').append(code);
            }
            if (detail != null) {
                text.append(": ").append(detail);
            }
        } else {
            text.append(detail);
        }
        if (route != null) {
            text.append(" [POST ").append(route).append(']');
        }
        if (hint != null) {
            text.append(". ").append(hint);
        }
        return text.toString();
    }

    /** What the client tried, in words: {@code Tried to check 'api_calls' for customer 'c1'}. */
    public String attempted() {
        return attempted;
    }

    /** The route, such as {@code /v1/balances.check}; {@code null} when nothing was sent. */
    public String route() {
        return route;
    }

    /** The HTTP status Autumn answered, or 0 when no answer is involved. */
    public int status() {
        return status;
    }

    /** Autumn's error code ({@code customer_not_found}), or {@code null}. */
    public String code() {
        return code;
    }

    /** Autumn's message, or what went wrong instead of an answer; scrubbed of key-shaped text. */
    public String detail() {
        return detail;
    }

    /** What to do about it, or {@code null}. */
    public String hint() {
        return hint;
    }
}
