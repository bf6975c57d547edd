package dev.autumncatalog.engine.autumn;

import java.time.Duration;
import java.util.Objects;

/**
 * A deadline expired before Autumn answered: one request took longer than {@link AutumnClientConfig#requestTimeout()},
 * one call (retries included) longer than {@link AutumnClientConfig#callTimeout()}, or no request completed for {@link
 * AutumnClientConfig#stallTimeout()}. {@link #status()} is 0; {@link #setting()} names the deadline.
 */
public class AutumnDeadlineException extends AutumnTransportException {
    private static final long serialVersionUID = 1L;

    private final ClientSetting setting;
    private final Duration limit;
    private final Duration waited;

    /**
     * @param setting the deadline that expired
     * @param limit its value
     * @param waited how long the client waited
     */
    public AutumnDeadlineException(
            String method,
            String route,
            String entityId,
            String autumnMessage,
            String hint,
            ClientSetting setting,
            Duration limit,
            Duration waited,
            Throwable cause) {
        super(method, route, entityId, 0, null, autumnMessage, hint, cause);
        this.setting = Objects.requireNonNull(setting, "setting");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.waited = Objects.requireNonNull(waited, "waited");
    }

    /** {@link ClientSetting#REQUEST_TIMEOUT}, {@link ClientSetting#CALL_TIMEOUT} or {@link ClientSetting#STALL_TIMEOUT}. */
    @Override
    public ClientSetting setting() {
        return setting;
    }

    /** The deadline's value. */
    public Duration limit() {
        return limit;
    }

    /** How long the client waited before giving up. */
    public Duration waited() {
        return waited;
    }
}
