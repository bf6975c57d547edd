package dev.autumncatalog.client;

import java.time.Duration;

/** Autumn answered 429 (too many requests), with the wait it asked for in {@code Retry-After}, if any. */
public final class AutumnRateLimitException extends AutumnApiException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    AutumnRateLimitException(
            String attempted, String route, int status, String message, String hint, Duration retryAfter) {
        super(attempted, route, status, null, message, hint);
        this.retryAfter = retryAfter;
    }

    /** The wait Autumn asked for, or {@code null} when it sent no usable {@code Retry-After}. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
