package dev.autumncatalog.engine.autumn;

import java.time.Duration;

/**
 * The stall deadline of one client (one goal): how long calls have been waiting with no request completing. Only time
 * with at least one call under way counts, so a pause between calls (a confirmation prompt, planning) never adds up;
 * any answer that is neither a 429 nor a 5xx resets it. Once the deadline has passed, it stays passed: every later call
 * of the client fails at once instead of waiting out its own deadline. Thread-safe.
 */
final class StallWatch {
    private final ClientClock clock;
    private final long limit;
    private int active;
    /** Busy time since the last completed request, not counting the current busy stretch. */
    private long busy;

    private long busySince;
    private boolean stalled;

    StallWatch(Duration limit, ClientClock clock) {
        this.clock = clock;
        this.limit = limit.toNanos();
    }

    /** A call starts. */
    synchronized void begin() {
        if (active++ == 0) {
            busySince = clock.nanoTime();
        }
    }

    /** A call ends, however. */
    synchronized void end() {
        if (--active == 0) {
            busy += clock.nanoTime() - busySince;
        }
    }

    /** A request completed: the server is there and working. */
    synchronized void progress() {
        if (!stalled) {
            busy = 0;
            busySince = clock.nanoTime();
        }
    }

    /** How long calls have waited without a request completing. */
    synchronized Duration silence() {
        long now = clock.nanoTime();
        return Duration.ofNanos(busy + (active > 0 ? now - busySince : 0));
    }

    /** Time left before the deadline; zero or less once it has passed (and from then on). */
    synchronized long remainingNanos() {
        long left = limit - silence().toNanos();
        if (left <= 0) {
            stalled = true;
        }
        return stalled ? 0 : left;
    }

    /** Declares the stall: a call found it would outlast the deadline. From now on every call fails at once. */
    synchronized void trip() {
        stalled = true;
    }

    /** The deadline. */
    Duration limit() {
        return Duration.ofNanos(limit);
    }
}
