package dev.autumncatalog.engine.autumn;

/** Autumn kept answering 429 after every retry the client was allowed. */
public class AutumnRateLimitException extends AutumnApiException {
    private static final long serialVersionUID = 1L;

    /** See {@link AutumnApiException#AutumnApiException(String, String, String, int, String, String, String, Throwable)}. */
    public AutumnRateLimitException(
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

    /** {@link ClientSetting#REQUESTS_PER_SECOND}: the client's pace is what a user can lower. */
    @Override
    public ClientSetting setting() {
        return ClientSetting.REQUESTS_PER_SECOND;
    }
}
