package dev.autumncatalog.engine.autumn;

/**
 * Autumn refused or failed a request. Carries what was attempted and what Autumn answered, so callers can reword it
 * without parsing the message. Never carries the secret key.
 */
public class AutumnApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String route;
    private final String entityId;
    private final int status;
    private final String code;
    private final String autumnMessage;
    private final String hint;

    /**
     * @param method HTTP method, {@code POST}
     * @param route the route without host, {@code /v1/plans.update}
     * @param entityId the feature or plan id involved, or {@code null}
     * @param status the HTTP status, or 0 when no answer came (I/O failure)
     * @param code Autumn's error code ({@code invalid_inputs}), or {@code null}
     * @param autumnMessage Autumn's message, or the I/O failure, or {@code null}
     * @param cause the underlying failure, or {@code null}
     */
    public AutumnApiException(
            String method,
            String route,
            String entityId,
            int status,
            String code,
            String autumnMessage,
            Throwable cause) {
        this(method, route, entityId, status, code, autumnMessage, null, cause);
    }

    /**
     * Like {@link #AutumnApiException(String, String, String, int, String, String, Throwable)}, with a hint on what to
     * do, appended to the message.
     *
     * @param hint what the user can do about it, or {@code null}
     */
    public AutumnApiException(
            String method,
            String route,
            String entityId,
            int status,
            String code,
            String autumnMessage,
            String hint,
            Throwable cause) {
        super(describe(method, route, entityId, status, code, autumnMessage, hint), cause);
        this.hint = hint;
        this.method = method;
        this.route = route;
        this.entityId = entityId;
        this.status = status;
        this.code = code;
        this.autumnMessage = autumnMessage;
    }

    private static String describe(
            String method, String route, String entityId, int status, String code, String autumnMessage, String hint) {
        StringBuilder text = new StringBuilder(method).append(' ').append(route);
        if (entityId != null) {
            text.append(" (").append(entityId).append(')');
        }
        if (status == 0) {
            text.append(" failed without an answer");
        } else {
            text.append(" answered ").append(status);
            if (code != null) {
                text.append(' ').append(code);
            }
        }
        if (autumnMessage != null) {
            text.append(": ").append(autumnMessage);
        }
        if (hint != null) {
            text.append("; ").append(hint);
        }
        return text.toString();
    }

    /** HTTP method. */
    public String method() {
        return method;
    }

    /** Route without host. */
    public String route() {
        return route;
    }

    /** Feature or plan id, or {@code null}. */
    public String entityId() {
        return entityId;
    }

    /** HTTP status, 0 when no answer came. */
    public int status() {
        return status;
    }

    /** Autumn's error code, or {@code null}. */
    public String code() {
        return code;
    }

    /** Autumn's message, or {@code null}. */
    public String autumnMessage() {
        return autumnMessage;
    }

    /** What the user can do about it, or {@code null}. */
    public String hint() {
        return hint;
    }

    /**
     * The client option that bounded what happened and that the user may change (a deadline, the answer size, the
     * pace), or {@code null} when none applies.
     */
    public ClientSetting setting() {
        return null;
    }
}
