package dev.autumncatalog.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Short assertions on Autumn {@code balance} objects. */
final class JsonAssertions {
    private JsonAssertions() {}

    /** granted / remaining / usage and {@code next_reset_at} of a balance object. */
    static void assertBalance(JsonNode balance, int granted, int remaining, int usage, Long nextResetAt) {
        assertThat(balance.get("granted").decimalValue()).as(balance.toString()).isEqualByComparingTo("" + granted);
        assertThat(balance.get("remaining").decimalValue())
                .as(balance.toString())
                .isEqualByComparingTo("" + remaining);
        assertThat(balance.get("usage").decimalValue()).as(balance.toString()).isEqualByComparingTo("" + usage);
        if (nextResetAt == null) {
            assertThat(balance.get("next_reset_at").isNull())
                    .as(balance.toString())
                    .isTrue();
        } else {
            assertThat(balance.get("next_reset_at").asLong())
                    .as(balance.toString())
                    .isEqualTo(nextResetAt);
        }
    }
}
