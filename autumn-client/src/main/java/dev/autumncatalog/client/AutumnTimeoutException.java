package dev.autumncatalog.client;

import java.time.Duration;

/**
 * The whole exchange (connect, request, headers and body) did not finish within its deadline, and the client cancelled
 * it. The request may or may not have reached Autumn.
 */
public final class AutumnTimeoutException extends AutumnTransportException {
    private static final long serialVersionUID = 1L;

    private final Duration deadline;

    AutumnTimeoutException(String attempted, String route, Duration deadline, Throwable cause) {
        super(
                attempted,
                route,
                "no complete answer came within " + Durations.words(deadline),
                "raise the deadline with timeout(...) on the builder or the request if Autumn is slow from here",
                cause);
        this.deadline = deadline;
    }

    /** The deadline that passed. */
    public Duration deadline() {
        return deadline;
    }
}
