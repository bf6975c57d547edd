package dev.autumncatalog.client;

/** What became of a {@linkplain AutumnClient#track(TrackRequest) track}. */
public enum TrackOutcome {
    /** Autumn counted the usage and answered with the updated balances. */
    COUNTED,
    /**
     * Autumn had already received a request with this idempotency key (409 {@code duplicate_idempotency_key}): an
     * earlier attempt whose answer was lost, or an earlier call with the same key. Counted once; no balances in the
     * result.
     *
     * <p>One case this cannot tell apart: Autumn answers 409 as soon as it has <em>received</em> the key, so a retry
     * that overtakes an attempt still running on Autumn's side is answered 409 too. Should that earlier attempt then
     * fail on the server (a 5xx there frees the key), the usage is not counted. That needs an attempt the client gave up on
     * (deadline, dropped connection) to be still running and then to fail on Autumn's side, which makes it rare; a
     * {@code check} of the balance shows it.
     */
    ALREADY_COUNTED,
    /** Autumn accepted the usage for replay (202, degraded service downstream); it will be counted when it recovers. */
    ACCEPTED_FOR_REPLAY,
    /**
     * Not delivered after every attempt; the {@linkplain AutumnClient.Builder#onUndeliveredTrack handler} has it.
     * Only with a handler: without one, {@link TrackFailedException} is thrown instead.
     */
    UNDELIVERED
}
