package dev.autumncatalog.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The edges of {@link Redaction} and of the loopback test that lets {@code http://} carry the key. */
class RedactionTest {
    @Test
    void aTextThatStartsWithAKey_isScrubbed() {
        // The key at index 0: the cheap "am_" look must not skip it.
        assertThat(Redaction.scrubShapes("am_sk_live_" + "q1w2e3r4t5y6 was refused"))
                .isEqualTo("am_sk_live_<redacted> was refused");
        assertThat(Redaction.scrubShapes("no key here")).isEqualTo("no key here");
        assertThat(Redaction.scrubShapes(null)).isNull();
    }

    @Test
    void aKeyBodyOfEightCharacters_isScrubbedEvenAlone() {
        SecretKey key = SecretKey.parse("am_sk_test_Ab3De6Gh");

        assertThat(Redaction.scrub("echoed Ab3De6Gh and am_sk_test_Ab3De6Gh", key))
                .isEqualTo("echoed <redacted> and <redacted>");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "localhost, true",
        "LOCALHOST, true",
        "127.0.0.1, true",
        "127.255.255.255, true",
        "127.0.0.256, false",
        "127.1.2.300, false",
        "[::1], true",
        "[0:0:0:0:0:0:0:1], true",
        "api.useautumn.com, false",
        "10.0.0.1, false",
        "[::2], false",
    })
    void loopback_byLiteralFormOnly(String host, boolean loopback) {
        assertThat(BaseUrls.loopback(host)).isEqualTo(loopback);
    }
}
