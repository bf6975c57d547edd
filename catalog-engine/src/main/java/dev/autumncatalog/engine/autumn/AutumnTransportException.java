package dev.autumncatalog.engine.autumn;

/** No answer came: connection refused or reset, timeout, TLS failure. {@link #status()} is 0. */
public class AutumnTransportException extends AutumnApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link AutumnApiException#AutumnApiException(String, String, String, int, String, String, String, Throwable)}. */
    public AutumnTransportException(
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
