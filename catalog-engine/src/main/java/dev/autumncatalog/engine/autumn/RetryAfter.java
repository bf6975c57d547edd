package dev.autumncatalog.engine.autumn;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@code Retry-After} header: delay-seconds ({@code 3}) or an HTTP date. What cannot be read (garbage, a
 * fraction, a number too large for a {@code long}) is no header at all: the client backs off as it would without one.
 * A negative number or a date in the past means "now".
 */
final class RetryAfter {
    private RetryAfter() {}

    /** The delay asked for, or {@code null} when there is no readable header. */
    static Duration parse(String header) {
        return parse(header, Clock.systemUTC());
    }

    static Duration parse(String header, Clock wallClock) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.matches("[+-]?\\d{1,18}")) {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration delay = Duration.between(wallClock.instant(), at);
            return delay.isNegative() ? Duration.ZERO : delay;
        } catch (DateTimeParseException notDate) {
            return null;
        }
    }
}
