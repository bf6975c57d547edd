package dev.autumncatalog.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code SandboxMain}'s options, and the errors that name the bad one. */
class SandboxMainTest {
    @Test
    void rateLimitOption_enforcesAutumnsLimit_withItsWindow() {
        try (AutumnSandbox sandbox =
                SandboxMain.parse("--port", "0", "--rate-limit", "2/1m").start()) {
            SandboxHttp http = new SandboxHttp(sandbox);
            assertThat(http.post("/v1/features.list", "{}").headers().firstValue("RateLimit-Policy"))
                    .hasValue("2;w=60");
            http.post("/v1/features.list", "{}");
            assertThat(http.post("/v1/features.list", "{}").status()).isEqualTo(429);
        }
        try (AutumnSandbox sandbox =
                SandboxMain.parse("--port", "0", "--rate-limit", "25").start()) {
            assertThat(new SandboxHttp(sandbox)
                            .post("/v1/features.list", "{}")
                            .headers()
                            .firstValue("RateLimit-Policy"))
                    .hasValue("25;w=1");
        }
    }

    @Test
    void badOptions_areNamed_withTheUsage() {
        assertThatThrownBy(() -> SandboxMain.parse("--rate-limit", "lots"))
                .hasMessage("--rate-limit takes requests[/window], e.g. 25/1s or 100/500ms, not 'lots'");
        assertThatThrownBy(() -> SandboxMain.parse("--port", "x")).hasMessage("--port takes a whole number, not 'x'");
        assertThatThrownBy(() -> SandboxMain.parse("--state"))
                .hasMessage("--state needs a value; " + SandboxMain.USAGE);
        assertThatThrownBy(() -> SandboxMain.parse("--verbose", "1"))
                .hasMessage("Unknown option --verbose; " + SandboxMain.USAGE);
    }
}
