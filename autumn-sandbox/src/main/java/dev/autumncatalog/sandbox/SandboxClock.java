package dev.autumncatalog.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The sandbox's notion of now: the builder's clock (the wall clock by default) plus an offset that tests move forward.
 * Every timestamp the sandbox writes ({@code created_at}, {@code started_at}, {@code next_reset_at}) and every reset
 * and expiry it applies reads this clock, so a test can cross a monthly reset without waiting a month:
 *
 * <pre>{@code
 * sandbox.clock().advance(Duration.ofDays(31));   // the next read of a monthly balance sees it reset
 * }</pre>
 *
 * Out of process, the same clock is reached through {@code GET|POST /_sandbox/clock} (a sandbox control route, not
 * Autumn's): {@code {"advance":"P31D"}}, {@code {"advance_ms":60000}} or {@code {"set":"2027-01-01T00:00:00Z"}}.
 * Thread-safe.
 */
public final class SandboxClock {
    private final LongSupplier base;
    private final AtomicLong offset = new AtomicLong();

    SandboxClock(LongSupplier base) {
        this.base = Objects.requireNonNull(base, "base");
    }

    /** Now, in epoch milliseconds. */
    public long millis() {
        return base.getAsLong() + offset.get();
    }

    /** Now. */
    public Instant now() {
        return Instant.ofEpochMilli(millis());
    }

    /**
     * Moves now forward by {@code duration}; resets due in between happen on the next read, as on the real server.
     *
     * @throws IllegalArgumentException for a negative duration (time does not run backwards; use {@link #set})
     */
    public SandboxClock advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException(
                    "the sandbox clock only moves forward; advance(" + duration + ") is negative. Use set(instant).");
        }
        offset.addAndGet(duration.toMillis());
        return this;
    }

    /** Makes now {@code instant} (later reads move on from there at the base clock's pace). */
    public SandboxClock set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        offset.set(instant.toEpochMilli() - base.getAsLong());
        return this;
    }

    @Override
    public String toString() {
        return "SandboxClock[" + now() + "]";
    }
}
