package dev.autumncatalog.client;

/**
 * The answer was longer than the client reads ({@link AutumnClient.Builder#maxResponseBytes(int)}); the client stopped
 * reading at the limit (or did not start, when the declared length was already over it) instead of running out of
 * memory. {@link #status()} is the status of that answer.
 */
public final class ResponseTooLargeException extends AutumnResponseException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    ResponseTooLargeException(String attempted, String route, int status, long limit, Throwable cause) {
        super(
                attempted,
                route,
                status,
                "the answer is longer than the " + limit + " bytes the client reads",
                "raise maxResponseBytes(...) on the builder if such answers are expected",
                cause);
        this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }
}
