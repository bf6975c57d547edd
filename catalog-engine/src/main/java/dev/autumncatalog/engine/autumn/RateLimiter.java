package dev.autumncatalog.engine.autumn;

import java.time.Duration;

/**
 * Paces the requests of one client, shared by all its threads. Autumn allows 25 requests per 1-second window per org
 * and environment on the catalog routes, counted where they arrive. A steady pace with a small burst fits that window
 * wherever it falls: {@code burst} requests may go at once, then one every {@code 1 / rate} seconds, so any one-second
 * span holds at most {@code burst + rate} (the defaults, 1 and 24, make 25). A fixed client-side window would not: two
 * full windows back to back can land in one of the server's.
 *
 * <p>It adapts: a 429 ({@link #rejected}) holds every caller until its {@code Retry-After} has passed and halves the
 * rate; each answer that is not a 429 ({@link #accepted}) raises it again by {@code 1 / rate}, about one request per
 * second for each second at that rate, up to the configured rate.
 *
 * <p>This is the generic cell rate algorithm: the next free slot is kept as a time ({@code next}); a caller reserves its
 * slot under the lock and waits outside it, so concurrent callers queue in order instead of spinning. All times come
 * from the {@link ClientClock}; tests use a fake one.
 */
final class RateLimiter {
    /** The lowest rate a run of 429s can push the pace to. */
    static final double MIN_RATE = 1;

    private final ClientClock clock;
    private final double maxRate;
    private final int burst;
    private double rate;
    /** When the next request may go at the steady rate ("theoretical arrival time"). */
    private long next;
    /** No request before this time: a 429 asked every caller to wait. */
    private long pausedUntil;
    /** Counts the pauses, so that a caller who reserved before one queues again behind it. */
    private long pauses;

    RateLimiter(double permitsPerSecond, int burst, ClientClock clock) {
        if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond)) {
            throw new IllegalArgumentException("permits per second must be > 0, was " + permitsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be ≥ 1, was " + burst);
        }
        this.clock = clock;
        this.maxRate = permitsPerSecond;
        this.rate = permitsPerSecond;
        this.burst = burst;
        this.next = clock.nanoTime();
        this.pausedUntil = next;
    }

    /** Takes one permit, waiting as long as needed; returns how long it waited. */
    Duration acquire() throws InterruptedException {
        long waited = 0;
        while (true) {
            long pausesBefore;
            long wait;
            synchronized (this) {
                pausesBefore = pauses;
                wait = reserve();
            }
            if (wait > 0) {
                clock.sleep(Duration.ofNanos(wait));
                waited += wait;
            }
            synchronized (this) {
                if (pauses == pausesBefore || clock.nanoTime() >= pausedUntil) {
                    return Duration.ofNanos(waited);
                }
            }
            // A 429 came while this caller waited for its slot: queue again behind the pause.
        }
    }

    /** Reserves the next slot; returns how long to wait for it. Holds the lock. */
    private long reserve() {
        long now = clock.nanoTime();
        long interval = interval();
        long tolerance = (burst - 1) * interval;
        long start = Math.max(now, pausedUntil);
        long slot = Math.max(start, next - tolerance);
        next = Math.max(next, slot) + interval;
        return slot - now;
    }

    private long interval() {
        return (long) Math.ceil(1_000_000_000d / rate);
    }

    /**
     * Autumn answered 429: every caller waits until {@code retryAfter} has passed (1 s when the answer did not say,
     * Autumn's window), and the pace halves, down to {@link #MIN_RATE}.
     */
    synchronized void rejected(Duration retryAfter) {
        long now = clock.nanoTime();
        Duration pause = retryAfter == null || retryAfter.isNegative() ? Duration.ofSeconds(1) : retryAfter;
        pausedUntil = Math.max(pausedUntil, now + pause.toNanos());
        next = Math.max(next, pausedUntil);
        rate = Math.max(MIN_RATE, rate / 2);
        pauses++;
    }

    /** An answer that was not a 429: the pace creeps back up to the configured rate. */
    synchronized void accepted() {
        if (rate < maxRate) {
            rate = Math.min(maxRate, rate + 1 / rate);
        }
    }

    /** The current pace in requests per second. */
    synchronized double rate() {
        return rate;
    }
}
