package dev.autumncatalog.engine.autumn;

/** The request clashes with what Autumn holds: the id already exists (409 {@code duplicate_feature_id}, 400 {@code product_already_exists}), the feature is still used (409 on delete), or a retried create found a different entity under the id. */
public class AutumnConflictException extends AutumnApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link AutumnApiException#AutumnApiException(String, String, String, int, String, String, String, Throwable)}. */
    public AutumnConflictException(
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
