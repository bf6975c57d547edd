package dev.autumncatalog.sandbox;

import static dev.autumncatalog.sandbox.JsonAssert.assertError;
import static dev.autumncatalog.sandbox.RunTimeFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sandbox's clock, from Java and through its control route {@code /_sandbox/clock}. */
class SandboxClockTest {
    @Test
    void advanceAndSet_moveNow_fromTheBaseClock() {
        long[] base = {1_000};
        SandboxClock clock = new SandboxClock(() -> base[0]);
        assertThat(clock.millis()).isEqualTo(1_000);
        clock.advance(Duration.ofSeconds(2));
        base[0] = 1_500;
        assertThat(clock.millis())
                .as("base time keeps running under the offset")
                .isEqualTo(3_500);
        clock.set(Instant.ofEpochMilli(10_000));
        assertThat(clock.now()).isEqualTo(Instant.ofEpochMilli(10_000));
    }

    @Test
    void advance_negative_isRefusedWithTheFix() {
        SandboxClock clock = new SandboxClock(() -> 0);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the sandbox clock only moves forward; advance(PT-1S) is negative. Use set(instant).");
    }

    @Test
    void controlRoute_readsAndMovesTheSameClock_thatAnswersUse() {
        try (RunTimeFixture f = new RunTimeFixture()) {
            SandboxHttp.Answer now = f.http.get("/_sandbox/clock");
            RunTimeFixture.assertAnswer(
                    now, 200, "{\"now\":\"2027-01-31T10:00:00Z\",\"now_ms\":" + RunTimeFixture.START + "}");

            RunTimeFixture.assertAnswer(
                    f.http.post("/_sandbox/clock", "{\"advance\":\"P1D\"}"),
                    200,
                    "{\"now\":\"2027-02-01T10:00:00Z\",\"now_ms\":" + at("2027-02-01T10:00:00Z") + "}");
            f.http.post("/_sandbox/clock", "{\"advance_ms\":60000}");
            assertThat(f.sandbox.clock().now()).isEqualTo(Instant.parse("2027-02-01T10:01:00Z"));
            f.http.post("/_sandbox/clock", "{\"set\":\"2027-06-01T00:00:00Z\"}");
            assertThat(f.customer("c1").get("created_at").asLong()).isEqualTo(at("2027-06-01T00:00:00Z"));
            f.http.post("/_sandbox/clock", "{\"set_ms\":" + at("2027-07-01T00:00:00Z") + "}");
            assertThat(f.sandbox.clock().millis()).isEqualTo(at("2027-07-01T00:00:00Z"));
        }
    }

    @Test
    void controlRoute_needsTheSecretKey_andSaysWhatItTakes() {
        try (RunTimeFixture f = new RunTimeFixture()) {
            assertError(
                    f.http.header("Authorization", null).get("/_sandbox/clock"),
                    401,
                    "no_secret_key",
                    "Secret key not found in Authorization header");
            assertError(
                    f.http.post("/_sandbox/clock", "{}"),
                    400,
                    "invalid_inputs",
                    "POST /_sandbox/clock needs one of advance (ISO-8601 duration such as \"P31D\"), advance_ms,"
                            + " set (ISO-8601 instant) or set_ms");
            assertError(
                    f.http.post("/_sandbox/clock", "{\"advance\":\"-P1D\"}"),
                    400,
                    "invalid_inputs",
                    "POST /_sandbox/clock: the sandbox clock only moves forward; advance(PT-24H) is negative. Use"
                            + " set(instant).");
            assertThat(f.sandbox.clock().millis()).isEqualTo(RunTimeFixture.START);
        }
    }
}
