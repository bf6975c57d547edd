package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.engine.autumn.Responses.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutumnClientConfigTest {

    @Test
    void defaults() {
        AutumnClientConfig config = AutumnClientConfig.builder().secretKey(KEY).build();
        assertThat(config.baseUrl().toString()).isEqualTo("https://api.useautumn.com/v1/");
        assertThat(config.apiVersion()).isEqualTo("2.3.0");
        assertThat(config.requestsPerSecond() + config.burst())
                .as("at most this many in any second: Autumn allows 25 per 1-second window")
                .isEqualTo(25);
        assertThat(config.requestsPerSecond()).isEqualTo(24);
        assertThat(config.burst()).isEqualTo(1);
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.callTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.stallTimeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(config.maxAnswerBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(config.maxRetries()).isEqualTo(4);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.clock()).isSameAs(ClientClock.SYSTEM);
    }

    @Test
    void userAgent_carriesTheFilteredVersion() {
        String agent = AutumnClientConfig.builder().secretKey(KEY).build().userAgent();
        assertThat(agent).matches("autumn-catalog/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(agent).doesNotContain("null", "${", "dev");
    }

    @Test
    void baseUrl_overridable_andNormalisedToADirectory() {
        assertThat(build("https://autumn.example.com/api/v1").baseUrl().toString())
                .isEqualTo("https://autumn.example.com/api/v1/");
        assertThat(build("https://autumn.example.com").baseUrl().toString())
                .as("a bare host means the API root")
                .isEqualTo("https://autumn.example.com/v1/");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/v1",
                "http://127.1.2.3/v1",
                "http://localhost:3000/v1",
                "http://LOCALHOST/v1",
                "http://[::1]:8080/v1"
            })
    void plainHttp_allowedOnLoopback(String url) {
        assertThat(build(url).baseUrl().scheme()).isEqualTo("http");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://api.useautumn.com/v1",
                "http://10.0.0.1/v1",
                "http://128.0.0.1/v1",
                "http://localhost.evil.com/v1",
                "http://[::2]/v1"
            })
    void plainHttp_refusedElsewhere(String url) {
        assertThatThrownBy(() -> build(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uses plain http")
                .hasMessageContaining("use https, or http only on loopback (127.0.0.1, ::1, localhost)");
    }

    @Test
    void badValues_refusedWithTheValue() {
        assertThatThrownBy(() -> build("ftp://x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 'ftp://x'");
        assertThatThrownBy(() -> build("https://user:pw@autumn.example.com/v1"))
                .hasMessageContaining("must not carry credentials")
                .hasMessageNotContaining("pw");
        assertThatThrownBy(() -> AutumnClientConfig.builder().build()).hasMessageContaining("secret key is missing");
        assertThatThrownBy(
                        () -> AutumnClientConfig.builder().secretKey(KEY + "\n").build())
                .hasMessageContaining("position " + KEY.length())
                .hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> AutumnClientConfig.builder()
                        .secretKey(KEY)
                        .maxRetries(-1)
                        .build())
                .hasMessageContaining("max retries must be ≥ 0, was -1");
        assertThatThrownBy(() -> AutumnClientConfig.builder()
                        .secretKey(KEY)
                        .requestsPerSecond(0)
                        .build())
                .hasMessageContaining("requests per second must be > 0, was 0.0");
        assertThatThrownBy(() -> AutumnClientConfig.builder()
                        .secretKey(KEY)
                        .readTimeout(Duration.ZERO)
                        .build())
                .hasMessageContaining("read timeout must be > 0, was PT0S");
    }

    @Test
    void toString_neverShowsTheKey() {
        AutumnClientConfig config = AutumnClientConfig.builder().secretKey(KEY).build();
        assertThat(config.toString()).contains("am_sk_test_<redacted>").doesNotContain(KEY.substring(11));
        assertThat(config.newBuilder().toString()).doesNotContain(KEY.substring(11));
        assertThat(AutumnClientConfig.builder()
                        .secretKey("am_sk_live_" + "abc")
                        .build()
                        .toString())
                .contains("am_sk_live_<redacted>")
                .doesNotContain("abc");
    }

    @Test
    void newBuilder_keepsEverything() {
        AutumnClientConfig config = AutumnClientConfig.builder()
                .secretKey(KEY)
                .baseUrl("http://127.0.0.1:9/v1")
                .maxRetries(2)
                .requestsPerSecond(5)
                .burst(3)
                .build();
        AutumnClientConfig copy = config.newBuilder().build();
        assertThat(copy.baseUrl()).isEqualTo(config.baseUrl());
        assertThat(copy.secretKey()).isEqualTo(KEY);
        assertThat(copy.maxRetries()).isEqualTo(2);
        assertThat(copy.requestsPerSecond()).isEqualTo(5);
        assertThat(copy.burst()).isEqualTo(3);
    }

    private static AutumnClientConfig build(String url) {
        return AutumnClientConfig.builder().secretKey(KEY).baseUrl(url).build();
    }
}
