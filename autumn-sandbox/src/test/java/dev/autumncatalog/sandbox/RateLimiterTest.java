package dev.autumncatalog.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Autumn's general rate limit when the sandbox is asked to enforce it (CONTRACT.md §0 item 8 and "Rate limits"; the
 * real server's {@code rateLimitConfigs.ts} and {@code hono-rate-limiter} draft-6 headers).
 */
class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(10_000);
    private final RateLimiter limiter = new RateLimiter(25, Duration.ofSeconds(1), now::get);

    @Test
    void windowOf25_countsDown_thenRefusesWithRetryAfter_untilTheWindowEnds() {
        for (int i = 1; i <= 25; i++) {
            RateLimiter.Decision decision = limiter.admit("org");
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.headers().get("RateLimit-Remaining")).isEqualTo(Integer.toString(25 - i));
        }
        now.addAndGet(400);
        RateLimiter.Decision refused = limiter.admit("org");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.headers())
                .isEqualTo(Map.of(
                        "RateLimit-Policy", "25;w=1",
                        "RateLimit-Limit", "25",
                        "RateLimit-Remaining", "0",
                        "RateLimit-Reset", "1",
                        "Retry-After", "1"));
        now.addAndGet(599);
        assertThat(limiter.admit("org").allowed()).as("still the same window").isFalse();
        now.addAndGet(1);
        RateLimiter.Decision next = limiter.admit("org");
        assertThat(next.allowed()).as("a new window starts at the next request").isTrue();
        assertThat(next.headers().get("RateLimit-Remaining")).isEqualTo("24");
    }

    @Test
    void eachKeyHasItsOwnWindow() {
        for (int i = 0; i < 25; i++) {
            limiter.admit("org-a");
        }
        assertThat(limiter.admit("org-a").allowed()).isFalse();
        assertThat(limiter.admit("org-b").allowed()).isTrue();
    }

    @Test
    void nonsenseLimits_areRefused_namingTheValue() {
        assertThatThrownBy(() -> new RateLimiter(0, Duration.ofSeconds(1), now::get))
                .hasMessage("rate limit must be at least 1 request per window, was 0");
        assertThatThrownBy(() -> AutumnSandbox.builder().rateLimit(5, Duration.ZERO))
                .hasMessage("rate limit window must be at least 1 ms, was PT0S");
    }

    @Test
    void sandboxWithALimit_answersAutumns429_onCatalogRoutesOnly_andCountsEveryAnswer() {
        try (AutumnSandbox sandbox =
                AutumnSandbox.builder().rateLimit(3, Duration.ofMinutes(1)).start()) {
            SandboxHttp http = new SandboxHttp(sandbox);
            SandboxHttp.Answer first = http.post("/v1/features.list", "{}");
            assertThat(first.headers().firstValue("RateLimit-Policy")).hasValue("3;w=60");
            assertThat(first.headers().firstValue("RateLimit-Remaining")).hasValue("2");
            http.post("/v1/features.get", "{\"feature_id\":\"nope\"}"); // a 404 counts too
            http.get("/v1/products");
            SandboxHttp.Answer refused = http.header("Idempotency-Key", "k1")
                    .post("/v1/features.create", "{\"feature_id\":\"a\",\"name\":\"A\",\"type\":\"boolean\"}");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.body()).isEqualTo("Too many requests, please try again later.");
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("text/plain; charset=UTF-8");
            assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");
            assertThat(Integer.parseInt(
                            refused.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(58, 60);
            assertThat(refused.headers().firstValue(AutumnSandbox.SANDBOX_HEADER))
                    .isPresent();

            SandboxHttp.Answer check =
                    http.post("/v1/balances.check", "{\"customer_id\":\"nobody\",\"feature_id\":\"nope\"}");
            assertThat(check.status()).as("check has its own bucket").isEqualTo(404);
            assertThat(check.headers().firstValue("RateLimit-Limit")).isEmpty();
            assertThat(http.header("Authorization", "Bearer wrong")
                            .post("/v1/features.list", "{}")
                            .status())
                    .as("authentication comes first")
                    .isEqualTo(401);
            assertThat(sandbox.requests()).hasSize(6);
            assertThat(http.post("/v1/features.list", "{}").status()).isEqualTo(429);
        }
    }

    @Test
    void refusedRequest_isNotApplied_andDoesNotHoldItsIdempotencyKey() throws InterruptedException {
        try (AutumnSandbox sandbox =
                AutumnSandbox.builder().rateLimit(1, Duration.ofSeconds(2)).start()) {
            SandboxHttp http = new SandboxHttp(sandbox);
            SandboxHttp keyed = http.header("Idempotency-Key", "k1");
            String body = "{\"feature_id\":\"a\",\"name\":\"A\",\"type\":\"boolean\"}";
            assertThat(http.post("/v1/features.list", "{}").status()).isEqualTo(200); // the window's one request
            assertThat(keyed.post("/v1/features.create", body).status()).isEqualTo(429);
            Thread.sleep(2_100);
            assertThat(keyed.post("/v1/features.create", body).status())
                    .as("the 429 neither created the feature nor held the key")
                    .isEqualTo(200);
        }
    }

    @Test
    void defaultIsOff_noLimitAndNoHeaders() {
        try (AutumnSandbox sandbox = AutumnSandbox.start()) {
            SandboxHttp http = new SandboxHttp(sandbox);
            for (int i = 0; i < 60; i++) {
                SandboxHttp.Answer answer = http.post("/v1/features.list", "{}");
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.headers().firstValue("RateLimit-Limit")).isEmpty();
            }
        }
    }
}
