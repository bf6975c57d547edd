package dev.autumncatalog.client;

/**
 * A track Autumn did not confirm after every attempt. Nothing is dropped: {@link #request()} is the request with the
 * idempotency key that every attempt carried, so replaying it later ({@code autumn.track(e.request())}) counts the usage
 * at most once. The cause is the last attempt's failure.
 *
 * <pre>{@code
 * try {
 *     autumn.track(customerId, Metered.AI_TOKENS, tokens);
 * } catch (TrackFailedException e) {
 *     outbox.save(e.request()); // replay later, same idempotency key
 * }
 * }</pre>
 */
public final class TrackFailedException extends AutumnException {
    private static final long serialVersionUID = 1L;

    private final transient TrackRequest request;
    private final int attempts;

    TrackFailedException(TrackRequest request, int attempts, AutumnException last) {
        super(last.attempted(), last.route(), last.status(), last.code(), last.detail(), hint(attempts, last), last);
        this.request = request;
        this.attempts = attempts;
    }

    private static String hint(int attempts, AutumnException last) {
        String own = last.hint() == null ? "" : last.hint() + ". ";
        if (!Calls.retryable(last)) {
            return own + "Not counted: fix the cause, then replay request() (same idempotency key)";
        }
        String tried = attempts == 1 ? "Tried once" : "Tried " + attempts + " times";
        return own + tried + " without a confirmation (an attempt may have counted without its answer arriving);"
                + " replay request() later: its idempotency key keeps it from counting twice";
    }

    /** The request, with the idempotency key every attempt carried. */
    public TrackRequest request() {
        return request;
    }

    /** How many attempts were made. */
    public int attempts() {
        return attempts;
    }
}
