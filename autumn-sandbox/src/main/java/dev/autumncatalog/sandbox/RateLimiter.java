package dev.autumncatalog.sandbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Autumn's general rate limit, as the real server applies it to catalog routes ({@code rateLimitConfigs.ts}: 25
 * requests per 1 s window per org and environment; {@code hono-rate-limiter} with draft-6 headers): a fixed window
 * starts at a key's first request; every request in it counts, refused ones included; past the limit the answer is
 * 429 with a plain-text body. Every counted answer carries {@code RateLimit-Policy}, {@code RateLimit-Limit}, {@code
 * RateLimit-Remaining} and {@code RateLimit-Reset} (whole seconds to the window's end, left out at 0); a 429 adds
 * {@code Retry-After}. Here the key is the secret key (one key, one org). Thread-safe.
 */
final class RateLimiter {
    static final String BODY = "Too many requests, please try again later.";
    static final String CONTENT_TYPE = "text/plain; charset=UTF-8";

    private final int limit;
    private final long windowMillis;
    private final LongSupplier millis;
    private final Map<String, Window> windows = new HashMap<>();

    /** The window of one key: when it ends and how many requests it has counted. */
    private static final class Window {
        long resetAt;
        int hits;
    }

    /** What the limiter says about one request: let it through or not, and the headers its answer carries. */
    record Decision(boolean allowed, Map<String, String> headers) {}

    /**
     * @param millis a monotonic millisecond clock (wall time, not the sandbox clock: moving that clock is for resets)
     */
    RateLimiter(int limit, Duration window, LongSupplier millis) {
        if (limit < 1) {
            throw new IllegalArgumentException("rate limit must be at least 1 request per window, was " + limit);
        }
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("rate limit window must be at least 1 ms, was " + window);
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.millis = millis;
    }

    Decision admit(String key) {
        long now = millis.getAsLong();
        int hits;
        long resetAt;
        synchronized (windows) {
            Window window = windows.computeIfAbsent(key, k -> new Window());
            if (window.resetAt <= now) {
                window.resetAt = now + windowMillis;
                window.hits = 0;
            }
            hits = ++window.hits;
            resetAt = window.resetAt;
        }
        long seconds = Math.max(0, (resetAt - now + 999) / 1000);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Policy", limit + ";w=" + ((windowMillis + 999) / 1000));
        headers.put("RateLimit-Limit", Integer.toString(limit));
        headers.put("RateLimit-Remaining", Integer.toString(Math.max(limit - hits, 0)));
        if (seconds > 0) {
            headers.put("RateLimit-Reset", Long.toString(seconds));
        }
        if (hits > limit) {
            headers.put("Retry-After", Long.toString(seconds));
            return new Decision(false, Map.copyOf(headers));
        }
        return new Decision(true, Map.copyOf(headers));
    }
}
