package dev.autumncatalog.client;

import java.time.Duration;

/** Durations in the words messages use: {@code 5s}, {@code 250ms}. */
final class Durations {
    private Durations() {}

    static String words(Duration duration) {
        long millis = duration.toMillis();
        if (millis >= 1000 && millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    static Duration positive(Duration duration, String what) {
        if (duration == null) {
            throw new NullPointerException(what + " is null");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
        return duration;
    }
}
