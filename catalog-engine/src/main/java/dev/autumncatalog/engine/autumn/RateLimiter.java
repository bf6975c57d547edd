package dev.autumncatalog.engine.autumn;

import java.time.Duration;

/**
 * A token bucket shared by every thread of one client: {@code burst} requests may go at once, then one every
 * {@code 1 / rate} seconds. Callers reserve a slot under the lock and wait outside it, so concurrent callers queue in
 * order instead of spinning. Autumn allows 25 requests per second window; a rate r and burst b allow at most b + r in
 * any one-second window, so the defaults (20, 1) stay below it.
 */
final class RateLimiter {
    private final ClientClock clock;
    private final double nanosPerPermit;
    private final double capacity;
    private double tokens;
    private long last;

    RateLimiter(double permitsPerSecond, int burst, ClientClock clock) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("permits per second must be > 0, was " + permitsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be ≥ 1, was " + burst);
        }
        this.clock = clock;
        this.nanosPerPermit = 1_000_000_000d / permitsPerSecond;
        this.capacity = burst;
        this.tokens = burst;
        this.last = clock.nanoTime();
    }

    /** Takes one permit, waiting as long as needed; returns how long it waited. */
    Duration acquire() throws InterruptedException {
        long wait = reserve();
        Duration waited = Duration.ofNanos(wait);
        if (wait > 0) {
            clock.sleep(waited);
        }
        return waited;
    }

    private synchronized long reserve() {
        long now = clock.nanoTime();
        if (now > last) {
            tokens = Math.min(capacity, tokens + (now - last) / nanosPerPermit);
            last = now;
        }
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * nanosPerPermit);
    }
}
