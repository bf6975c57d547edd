package dev.autumncatalog.engine.autumn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link RetryAfter}: the header Autumn's 429 carries, and what a broken server might send instead. */
class RetryAfterTest {
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void seconds() {
        assertThat(RetryAfter.parse("3", NOW)).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse(" 3600 ", NOW)).isEqualTo(Duration.ofHours(1));
        assertThat(RetryAfter.parse("0", NOW)).isZero();
        assertThat(RetryAfter.parse("+2", NOW)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void negative_meansNow() {
        assertThat(RetryAfter.parse("-5", NOW)).isZero();
    }

    @Test
    void httpDate_isTheTimeLeft_aDateInThePastIsNow() {
        assertThat(RetryAfter.parse("Thu, 03 Dec 2026 10:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Thu, 03 Dec 2026 09:00:00 GMT", NOW)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "soon", "1.5", "1e3", "99999999999999999999", "3 seconds", "Thursday"})
    void unreadable_isNoHeader_soTheClientBacksOffAsWithoutOne(String header) {
        assertThat(RetryAfter.parse(header, NOW)).isNull();
    }

    @Test
    void absent_isNoHeader() {
        assertThat(RetryAfter.parse(null, NOW)).isNull();
    }
}
