package dev.autumncatalog.engine;

import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretKeyTest {
    private static final String TEST_KEY = "am_sk_test_CANARYcanary0123456789abcdefghijklmnopqrstu";
    // Built at run time so no live-key-shaped literal is committed (secret scanners would flag it).
    private static final String LIVE_KEY = "am_sk_live_" + "CANARYcanary0123456789abcdefghijklmnopqrstu";

    @Test
    void toString_neverShowsTheKey() {
        assertThat(SecretKey.of(TEST_KEY, "AUTUMN_SECRET_KEY")).hasToString("am_sk_test_… (redacted)");
        assertThat(SecretKey.of(LIVE_KEY, "AUTUMN_SECRET_KEY")).hasToString("am_sk_live_… (redacted)");
    }

    @Test
    void of_trimsAndRevealsForTheHeaderOnly() {
        assertThat(SecretKey.of("  " + TEST_KEY + "\n", "x").reveal()).isEqualTo(TEST_KEY);
    }

    @Test
    void of_notAnAutumnKey_failsWithoutEchoingIt() {
        assertThatThrownBy(() -> SecretKey.of("sk_live_stripe_CANARY", "AUTUMN_SECRET_KEY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The value from AUTUMN_SECRET_KEY is not an Autumn secret key: it must start with "
                        + "am_sk_test_ (sandbox) or am_sk_live_ (live).")
                .message()
                .doesNotContain("CANARY");
    }

    @Test
    void of_prefixAlone_isRefused() {
        // Issue 14: `am_sk_test_` with nothing after it was accepted and failed only at Autumn, as a 401.
        assertThatThrownBy(() -> SecretKey.of("am_sk_test_", "AUTUMN_SECRET_KEY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The value from AUTUMN_SECRET_KEY is only the prefix am_sk_test_ of an Autumn secret key:"
                        + " the key itself follows it. Copy the whole key from Autumn's dashboard.");
        assertThatThrownBy(() -> SecretKey.of(" am_sk_live_ ", "x"))
                .hasMessageContaining("only the prefix am_sk_live_");
    }

    @Test
    void of_bodyWithASpaceOrQuote_isRefusedWithoutEchoingIt() {
        for (String bad : new String[] {"am_sk_test_CANARY secret", "am_sk_test_CANARY\"", "am_sk_test_CANARY\nx"}) {
            assertThatThrownBy(() -> SecretKey.of(bad, "AUTUMN_SECRET_KEY"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("The value from AUTUMN_SECRET_KEY is not an Autumn secret key: after"
                            + " am_sk_test_ it may hold only letters, digits, '_' and '-'")
                    .message()
                    .doesNotContain("CANARY");
        }
    }

    @Test
    void of_empty_fails() {
        assertThatThrownBy(() -> SecretKey.of(" ", "settings.xml server 'autumn'"))
                .hasMessage("The Autumn secret key from settings.xml server 'autumn' is empty.");
    }

    @Test
    void environment_followsThePrefix() {
        assertThat(SecretKey.of(TEST_KEY, "x").environment()).isEqualTo(Environment.SANDBOX);
        assertThat(SecretKey.of(LIVE_KEY, "x").environment()).isEqualTo(Environment.LIVE);
    }

    @Test
    void requireMatches_liveKeyWithoutLiveOptIn_isRefused() {
        assertThatThrownBy(() -> Environment.SANDBOX.requireMatches(SecretKey.of(LIVE_KEY, "x"), MAVEN_LIKE))
                .hasMessage("The Autumn key is a live key (am_sk_live_…) but the environment is sandbox. Live "
                        + "catalogs are changed only on purpose: set -Dautumn.environment=live to use it, or use a "
                        + "sandbox key (am_sk_test_…).");
    }

    @Test
    void requireMatches_liveEnvironmentWithSandboxKey_isRefused() {
        assertThatThrownBy(() -> Environment.LIVE.requireMatches(SecretKey.of(TEST_KEY, "x"), MAVEN_LIKE))
                .hasMessage("The environment is live (-Dautumn.environment) but the Autumn key is a sandbox key "
                        + "(am_sk_test_…). Use the live key, or drop -Dautumn.environment to work on the sandbox.");
    }

    @Test
    void requireMatches_sameEnvironment_passes() {
        Environment.LIVE.requireMatches(SecretKey.of(LIVE_KEY, "x"), MAVEN_LIKE);
        Environment.SANDBOX.requireMatches(SecretKey.of(TEST_KEY, "x"), MAVEN_LIKE);
    }

    @Test
    void parse_acceptsTheTwoWords() {
        assertThat(Environment.parse(null, MAVEN_LIKE)).isEqualTo(Environment.SANDBOX);
        assertThat(Environment.parse("LIVE", MAVEN_LIKE)).isEqualTo(Environment.LIVE);
        assertThatThrownBy(() -> Environment.parse("staging", MAVEN_LIKE))
                .hasMessage("Unknown Autumn environment 'staging' in -Dautumn.environment; use sandbox (also"
                        + " spelled test) or live (also production or prod).");
    }

    @Test
    void parse_acceptsEveryDocumentedSpelling_caseAndSpaceIgnored() {
        // README documents these spellings; a wrong mapping would point a push at the other environment.
        for (String sandbox : List.of("sandbox", "test", " Sandbox ", "", "  ")) {
            assertThat(Environment.parse(sandbox, MAVEN_LIKE)).as(sandbox).isEqualTo(Environment.SANDBOX);
        }
        for (String live : List.of("live", "production", "prod", " PROD ")) {
            assertThat(Environment.parse(live, MAVEN_LIKE)).as(live).isEqualTo(Environment.LIVE);
        }
    }

    @Test
    void equalsAndHashCode_followTheKey_whileToStringNeverShowsIt() {
        SecretKey one = SecretKey.of(TEST_KEY, "x");

        assertThat(one)
                .isEqualTo(SecretKey.of(" " + TEST_KEY + " ", "y"))
                .hasSameHashCodeAs(SecretKey.of(TEST_KEY, "y"));
        assertThat(one).isNotEqualTo(SecretKey.of(LIVE_KEY, "x")).isNotEqualTo(TEST_KEY);
        assertThat(one.hashCode()).isEqualTo(TEST_KEY.hashCode());
    }
}
