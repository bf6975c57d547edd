package dev.autumncatalog.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What build() accepts and refuses; no refusal ever echoes the key. */
class BuilderTest {
    private static final String LIVE_KEY = "am_sk_live_" + "Pq2Wm8Zr4Tx6Vb0Nc3Jk5Lh7Gf9Ds1Ae2Ry4Ui6Oo";

    private static AutumnClient.Builder withKey(String key) {
        return AutumnClient.builder().secretKey(key);
    }

    @Test
    void sandboxKey_defaults() {
        AutumnClient autumn = withKey(TestClients.KEY).build();

        assertThat(autumn.environment()).isEqualTo(Environment.SANDBOX);
        assertThat(autumn.baseUrl()).isEqualTo(URI.create("https://api.useautumn.com/v1"));
        assertThat(autumn.toString())
                .isEqualTo("AutumnClient{baseUrl=https://api.useautumn.com/v1, environment=SANDBOX, apiVersion=2.3.0}");
    }

    @Test
    void keyWithSurroundingWhitespace_accepted() {
        assertThat(withKey("  " + LIVE_KEY + "\n").build().environment()).isEqualTo(Environment.LIVE);
    }

    @Test
    void expectedEnvironment_otherKeyRefused() {
        assertThatThrownBy(() -> withKey(TestClients.KEY)
                        .expectEnvironment(Environment.LIVE)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "the secret key is a sandbox key (am_sk_test_…) but this client expects live (am_sk_live_…);"
                                + " pass the live key, or change expectEnvironment(...)");
        assertThatThrownBy(() ->
                        withKey(LIVE_KEY).expectEnvironment(Environment.SANDBOX).build())
                .hasMessageStartingWith("the secret key is a live key (am_sk_live_…) but this client expects sandbox");
        assertThat(withKey(LIVE_KEY).expectEnvironment(Environment.LIVE).build().environment())
                .isEqualTo(Environment.LIVE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|the secret key is empty; pass Autumn's secret key (am_sk_test_… or am_sk_live_…, from the"
                        + " dashboard's developer page)",
                "am_sk_test_|the secret key is only the prefix am_sk_test_ with nothing after it; pass the whole key",
                "am_pk_test_Ab12Cd34Ef56|the key given is a publishable key (am_pk_…), which cannot call these routes;"
                        + " pass the secret key (am_sk_test_… or am_sk_live_…)",
                "sk_live_51Hx0Stripe999|the secret key does not start with am_sk_test_ (sandbox) or am_sk_live_"
                        + " (production); pass Autumn's secret key, not another service's",
                "am_sk_test_Ab12 Cd34|the secret key (am_sk_test_…, 20 characters) contains characters Autumn keys"
                        + " never have (whitespace, quotes or punctuation); pass the key alone",
                "\"am_sk_test_Ab12Cd34\"|the secret key does not start with am_sk_test_ (sandbox) or am_sk_live_"
                        + " (production); pass Autumn's secret key, not another service's"
            })
    void badKeys_refusedWithoutEchoingThem(String key, String message) {
        assertThatThrownBy(() -> withKey(key).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void missingKey_saysWhereItUsuallyComesFrom() {
        assertThatThrownBy(() -> AutumnClient.builder().build())
                .hasMessage("the secret key is null; pass Autumn's secret key (is AUTUMN_SECRET_KEY set?)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8090/v1",
                "http://127.3.4.5/v1",
                "http://localhost:8080/v1",
                "http://[::1]:8080/v1",
                "https://api.useautumn.com/v1",
                "https://autumn.internal.example/api/v1/"
            })
    void baseUrls_acceptedOverTlsOrOnLoopback(String url) {
        URI accepted = withKey(TestClients.KEY).baseUrl(url).build().baseUrl();

        assertThat(accepted.toString()).isEqualTo(url.replaceAll("/+$", ""));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://api.useautumn.com/v1|baseUrl 'http://api.useautumn.com/v1' is plain http to api.useautumn.com,"
                        + " which would send the secret key unencrypted; use https, or http only to a loopback address"
                        + " (127.0.0.1, ::1, localhost)",
                "http://10.0.0.5:8080/v1|baseUrl 'http://10.0.0.5:8080/v1' is plain http to 10.0.0.5, which would send"
                        + " the secret key unencrypted; use https, or http only to a loopback address (127.0.0.1, ::1,"
                        + " localhost)",
                "http://127.0.0.1.evil.example/v1|baseUrl 'http://127.0.0.1.evil.example/v1' is plain http to"
                        + " 127.0.0.1.evil.example, which would send the secret key unencrypted; use https, or http"
                        + " only to a loopback address (127.0.0.1, ::1, localhost)",
                "https://user:pw@api.useautumn.com/v1|baseUrl must not carry credentials (user info before '@'); the"
                        + " secret key goes in secretKey(...)",
                "https://api.useautumn.com/v1?x=1|baseUrl 'https://api.useautumn.com/v1?x=1' has a query or fragment;"
                        + " give the API's base only, such as https://api.useautumn.com/v1",
                "https://api.useautumn.com|baseUrl 'https://api.useautumn.com' has no path; Autumn's routes live under"
                        + " the version path, such as https://api.useautumn.com/v1",
                "ftp://api.useautumn.com/v1|baseUrl 'ftp://api.useautumn.com/v1' is not an http(s) URL with a host,"
                        + " such as https://api.useautumn.com/v1"
            })
    void baseUrls_refused(String url, String message) {
        assertThatThrownBy(() -> AutumnClient.builder().baseUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void httpClientFollowingRedirects_refused() {
        HttpClient following = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();

        assertThatThrownBy(() -> AutumnClient.builder().httpClient(following))
                .hasMessage("the HttpClient follows redirects (NORMAL); build it with"
                        + " followRedirects(HttpClient.Redirect.NEVER), since a redirect would carry the secret key"
                        + " to another address");
        assertThat(withKey(TestClients.KEY)
                        .httpClient(HttpClient.newHttpClient())
                        .build())
                .isNotNull();
    }

    @Test
    void settings_checked() {
        AutumnClient.Builder builder = AutumnClient.builder();
        assertThatThrownBy(() -> builder.timeout(Duration.ZERO)).hasMessage("timeout must be positive, was PT0S");
        assertThatThrownBy(() -> builder.trackAttempts(0)).hasMessage("trackAttempts must be 1 to 10, was 0");
        assertThatThrownBy(() -> builder.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessage("max backoff PT1S is below the initial PT2S");
        assertThatThrownBy(() -> builder.maxResponseBytes(10))
                .hasMessage("maxResponseBytes must be at least 1024, was 10");
    }

    @Test
    void toString_neverShowsTheKey() {
        AutumnClient.Builder builder = withKey(TestClients.KEY);

        assertThat(builder.toString())
                .isEqualTo("AutumnClient.Builder{baseUrl=https://api.useautumn.com/v1, secretKey=set}");
        assertThat(builder.build().toString()).doesNotContain(TestClients.KEY.substring(11));
        assertThat(SecretKey.parse(TestClients.KEY).toString()).isEqualTo("am_sk_test_<redacted>");
    }
}
