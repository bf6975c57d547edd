package dev.autumncatalog.sandbox;

import java.util.HashSet;
import java.util.Set;

/**
 * Autumn's idempotency keys: a key is claimed when a request arrives, a second claim while it is held is 409 {@code
 * duplicate_idempotency_key} (the first answer is not replayed), and a failed request (4xx other than 409, 5xx) frees
 * it. One namespace for the {@code Idempotency-Key} header and track's body key (stored as {@code track:<key>}).
 * Thread-safe; held in memory only.
 */
final class IdempotencyKeys {
    private final Set<String> held = new HashSet<>();

    /** Claims {@code key}, or throws the 409 the real server answers. */
    void claim(String key) {
        synchronized (held) {
            if (!held.add(key)) {
                throw new ApiError(
                        409,
                        "duplicate_idempotency_key",
                        "Another request with idempotency key " + key + " has already been received");
            }
        }
    }

    /** Frees {@code key} after an answer with {@code status}, when Autumn would. */
    void settle(String key, int status) {
        if (status >= 400 && status != 409) {
            synchronized (held) {
                held.remove(key);
            }
        }
    }
}
