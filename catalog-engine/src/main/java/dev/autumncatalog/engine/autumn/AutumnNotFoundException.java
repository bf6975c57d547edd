package dev.autumncatalog.engine.autumn;

/** The plan or feature does not exist on Autumn (404 {@code product_not_found}, {@code feature_not_found}). */
public class AutumnNotFoundException extends AutumnApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link AutumnApiException#AutumnApiException(String, String, String, int, String, String, String, Throwable)}. */
    public AutumnNotFoundException(
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
