package dev.autumncatalog.sandbox;

import static dev.autumncatalog.sandbox.JsonAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults played by the sandbox, and what they do (and do not do) to the catalog. */
class FaultInjectionTest {
    private static final String CREATE_SSO = "{\"feature_id\":\"sso\",\"name\":\"SSO\",\"type\":\"boolean\"}";

    private AutumnSandbox sandbox;
    private SandboxHttp http;

    @BeforeEach
    void start() {
        sandbox = AutumnSandbox.start();
        http = new SandboxHttp(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private boolean ssoExists() {
        return http.post("/v1/features.get", "{\"feature_id\":\"sso\"}").status() == 200;
    }

    @Test
    void failNext_answersWithTheStatus_thenNormally_withoutApplyingTheRequest() {
        sandbox.faults().failNext(2, 503);
        assertThat(sandbox.faults().pending()).isEqualTo(2);

        SandboxHttp.Answer first = http.post("/v1/features.create", CREATE_SSO);
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.code()).isEqualTo("service_unavailable");
        assertThat(first.headers().firstValue("X-Autumn-Sandbox")).isPresent();
        assertThat(http.post("/v1/features.create", CREATE_SSO).status()).isEqualTo(503);
        assertThat(ssoExists()).isFalse();

        assertThat(http.post("/v1/features.create", CREATE_SSO).status()).isEqualTo(200);
        assertThat(sandbox.requestCount()).as("faulted requests are logged too").isEqualTo(4);
        assertThat(sandbox.faults().pending()).isZero();
    }

    @Test
    void failNext_withCode_andCustomError() {
        sandbox.faults().failNext(1, 500, "internal_error").next(Fault.error(409, "custom", "try later"));
        assertThat(http.post("/v1/features.list", "{}").code()).isEqualTo("internal_error");
        assertError(http.post("/v1/features.list", "{}"), 409, "custom", "try later");
    }

    @Test
    void atRequest_hitsExactlyThatRequestNumber() {
        sandbox.faults().atRequest(2, Fault.status(502));
        assertThat(http.post("/v1/features.list", "{}").status()).isEqualTo(200);
        assertThat(http.post("/v1/features.list", "{}").status()).isEqualTo(502);
        assertThat(http.post("/v1/features.list", "{}").status()).isEqualTo(200);
    }

    @Test
    void nextOn_hitsOnlyThatPath() {
        sandbox.faults().nextOn("/v1/plans.create", Fault.status(500), Fault.status(503));
        assertThat(http.post("/v1/features.create", CREATE_SSO).status()).isEqualTo(200);
        assertThat(http.post("/v1/plans.create", "{\"plan_id\":\"p\",\"name\":\"P\"}")
                        .status())
                .isEqualTo(500);
        assertThat(http.post("/v1/plans.list", "{}").status()).isEqualTo(200);
        assertThat(http.post("/v1/plans.create", "{\"plan_id\":\"p\",\"name\":\"P\"}")
                        .status())
                .isEqualTo(503);
        assertThat(http.post("/v1/plans.create", "{\"plan_id\":\"p\",\"name\":\"P\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void rateLimited_isPlainText429WithRetryAfter() {
        sandbox.faults().next(Fault.rateLimited(Duration.ofSeconds(2)));
        SandboxHttp.Answer answer = http.post("/v1/plans.list", "{}");
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.body()).isEqualTo("Too many requests, please try again later.");
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(answer.headers().firstValue("RateLimit-Limit")).hasValue("25");
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    }

    @Test
    void resetConnection_givesNoAnswer_andDoesNotApplyTheRequest() {
        sandbox.faults().next(Fault.resetConnection());
        assertThatThrownBy(() -> http.sendOrThrow("POST", "/v1/features.create", CREATE_SSO))
                .isInstanceOf(IOException.class);
        assertThat(ssoExists()).isFalse();
    }

    @Test
    void resetConnectionAfterProcessing_givesNoAnswer_butTheWriteHappened() {
        sandbox.faults().next(Fault.resetConnectionAfterProcessing());
        assertThatThrownBy(() -> http.sendOrThrow("POST", "/v1/features.create", CREATE_SSO))
                .isInstanceOf(IOException.class);
        assertThat(ssoExists()).isTrue();
    }

    @Test
    void truncatedJson_appliesTheRequest_andCutsTheBody() {
        sandbox.faults().next(Fault.truncatedJson());
        SandboxHttp.Answer answer = http.post("/v1/features.create", CREATE_SSO);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).startsWith("{\"id\":\"sso\"").doesNotEndWith("}");
        assertThatThrownBy(answer::json).hasMessageContaining("not JSON");
        assertThat(ssoExists()).isTrue();
    }

    @Test
    void malformedJson_isNotParseable() {
        sandbox.faults().next(Fault.malformedJson(200));
        SandboxHttp.Answer answer = http.post("/v1/features.list", "{}");
        assertThat(answer.status()).isEqualTo(200);
        assertThatThrownBy(answer::json).hasMessageContaining("not JSON");
    }

    @Test
    void delay_slowsTheAnswer_thenAnswersNormally() {
        sandbox.faults().next(Fault.delay(Duration.ofMillis(150)));
        long start = System.nanoTime();
        assertThat(http.post("/v1/features.list", "{}").status()).isEqualTo(200);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(150);
    }

    @Test
    void clear_dropsPendingFaults() {
        sandbox.faults().failNext(3, 500).atRequest(9, Fault.status(500));
        sandbox.faults().clear();
        assertThat(sandbox.faults().pending()).isZero();
        assertThat(http.post("/v1/features.list", "{}").status()).isEqualTo(200);
    }

    @Test
    void atRequest_rejectsNumbersBelowOne() {
        assertThatThrownBy(() -> sandbox.faults().atRequest(0, Fault.status(500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("request numbers start at 1, was 0");
    }
}
