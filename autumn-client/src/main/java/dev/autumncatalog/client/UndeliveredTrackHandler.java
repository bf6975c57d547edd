package dev.autumncatalog.client;

/**
 * Receives the tracks the client could not deliver, instead of an exception from {@code track}. The failure carries
 * the request with its idempotency key: replaying it later with {@code autumn.track(failure.request())} cannot count
 * twice.
 *
 * <pre>{@code
 * AutumnClient autumn = AutumnClient.builder()
 *         .secretKey(System.getenv("AUTUMN_SECRET_KEY"))
 *         .onUndeliveredTrack(failure -> outbox.save(failure.request()))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface UndeliveredTrackHandler {
    /**
     * Called once per undelivered track, on the thread that called {@code track}, before {@code track} returns a result
     * with outcome {@link TrackOutcome#UNDELIVERED}. An exception thrown here propagates out of {@code track}.
     */
    void undelivered(TrackFailedException failure);
}
