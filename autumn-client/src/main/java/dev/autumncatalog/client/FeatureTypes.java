package dev.autumncatalog.client;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The feature types the client learns from Autumn's {@code features.list}: once, lazily, before the first track by
 * plain id, however many threads track at that moment (one request, the others wait for it). A failed learning is not
 * kept: the next track asks again. An id missing from what was learned is asked about again, at most once per {@code
 * refreshAfter} (the catalog may have been pushed since).
 */
final class FeatureTypes {

    /** Asks Autumn for the features; throws {@link AutumnException} on failure. */
    interface Loader {
        Map<String, Answers.KnownFeature> load(long deadlineNanos, Duration deadline);
    }

    private record Learned(Map<String, Answers.KnownFeature> features, long atNanos) {}

    private final AtomicReference<CompletableFuture<Learned>> current = new AtomicReference<>();
    private final Loader loader;
    private final long refreshAfterNanos;

    FeatureTypes(Loader loader, Duration refreshAfter) {
        this.loader = loader;
        this.refreshAfterNanos = refreshAfter.toNanos();
    }

    /** What Autumn says about {@code featureId}, or {@code null} if it does not list it. */
    Answers.KnownFeature find(String featureId, long deadlineNanos, Duration deadline, String attempted) {
        Learned learned = learned(null, deadlineNanos, deadline, attempted);
        Answers.KnownFeature known = learned.features().get(featureId);
        if (known == null && System.nanoTime() - learned.atNanos() >= refreshAfterNanos) {
            known = learned(learned, deadlineNanos, deadline, attempted)
                    .features()
                    .get(featureId);
        }
        return known;
    }

    /** The learned features; {@code stale} (when not null) is replaced by a fresh list unless another thread did so. */
    private Learned learned(Learned stale, long deadlineNanos, Duration deadline, String attempted) {
        while (true) {
            CompletableFuture<Learned> seen = current.get();
            if (seen != null
                    && !(stale != null && seen.isDone() && !seen.isCompletedExceptionally() && seen.join() == stale)) {
                return await(seen, deadlineNanos, deadline, attempted);
            }
            CompletableFuture<Learned> mine = new CompletableFuture<>();
            if (!current.compareAndSet(seen, mine)) {
                continue;
            }
            try {
                Learned fresh = new Learned(Map.copyOf(loader.load(deadlineNanos, deadline)), System.nanoTime());
                mine.complete(fresh);
                return fresh;
            } catch (RuntimeException e) {
                // Forget the failure (keep what was known before, if anything): the next track asks again.
                current.compareAndSet(mine, seen);
                mine.completeExceptionally(e);
                throw e;
            }
        }
    }

    private static Learned await(
            CompletableFuture<Learned> learning, long deadlineNanos, Duration deadline, String attempted) {
        try {
            return learning.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AutumnTimeoutException(attempted, null, deadline, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AutumnTransportException(
                    attempted, null, "the thread was interrupted while waiting for features.list", null, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AutumnException) {
                throw (AutumnException) e.getCause();
            }
            throw new IllegalStateException("learning the feature types failed", e.getCause());
        }
    }
}
