package dev.autumncatalog.engine.autumn;

/**
 * An answer was larger than {@link AutumnClientConfig#maxAnswerBytes()}: the client stopped reading it (or did not
 * start, when its {@code Content-Length} said so) and did not retry. {@link #setting()} is {@link
 * ClientSetting#MAX_ANSWER_BYTES}.
 */
public class AutumnAnswerTooLargeException extends AutumnApiException {
    private static final long serialVersionUID = 1L;

    private final long limitBytes;

    /** @param limitBytes the limit that was exceeded */
    public AutumnAnswerTooLargeException(
            String method,
            String route,
            String entityId,
            int status,
            String autumnMessage,
            String hint,
            long limitBytes) {
        super(method, route, entityId, status, null, autumnMessage, hint, null);
        this.limitBytes = limitBytes;
    }

    /** The limit in bytes. */
    public long limitBytes() {
        return limitBytes;
    }

    @Override
    public ClientSetting setting() {
        return ClientSetting.MAX_ANSWER_BYTES;
    }
}
