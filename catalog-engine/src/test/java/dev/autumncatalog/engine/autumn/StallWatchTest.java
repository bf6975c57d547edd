package dev.autumncatalog.engine.autumn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link StallWatch} and {@link CallBudget}: which deadline bounds the next request, on a fake clock. */
class StallWatchTest {
    private final FakeClock clock = new FakeClock();

    @Test
    void onlyTimeWithACallUnderWay_counts() {
        StallWatch stall = new StallWatch(Duration.ofSeconds(10), clock);
        stall.begin();
        clock.advance(Duration.ofSeconds(4));
        stall.end();
        clock.advance(Duration.ofMinutes(5)); // a confirmation prompt: no call under way
        stall.begin();
        clock.advance(Duration.ofSeconds(3));

        assertThat(stall.silence()).isEqualTo(Duration.ofSeconds(7));
        assertThat(stall.remainingNanos()).isEqualTo(Duration.ofSeconds(3).toNanos());
    }

    @Test
    void sequentialFailingCalls_addUp_untilARequestCompletes() {
        StallWatch stall = new StallWatch(Duration.ofSeconds(10), clock);
        for (int i = 0; i < 3; i++) {
            stall.begin();
            clock.advance(Duration.ofSeconds(3));
            stall.end();
        }
        assertThat(stall.silence()).isEqualTo(Duration.ofSeconds(9));

        stall.begin();
        stall.progress();
        clock.advance(Duration.ofSeconds(1));
        assertThat(stall.silence()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void onceStalled_staysStalled() {
        StallWatch stall = new StallWatch(Duration.ofSeconds(10), clock);
        stall.begin();
        clock.advance(Duration.ofSeconds(11));
        assertThat(stall.remainingNanos()).isZero();
        stall.progress();
        assertThat(stall.remainingNanos())
                .as("a late answer does not revive a stalled client")
                .isZero();
    }

    @Test
    void callBudget_theTightestDeadlineBoundsTheNextRequest() {
        AutumnClientConfig config = AutumnClientConfig.builder()
                .secretKey(Responses.KEY)
                .clock(clock)
                .requestTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(100))
                .stallTimeout(Duration.ofSeconds(150))
                .build();
        StallWatch stall = new StallWatch(config.stallTimeout(), clock);
        try (CallBudget budget = CallBudget.start(config, stall)) {
            assertThat(budget.nextRequest())
                    .isEqualTo(new CallBudget.Limit(ClientSetting.REQUEST_TIMEOUT, Duration.ofSeconds(30)));
            clock.advance(Duration.ofSeconds(80));
            assertThat(budget.nextRequest())
                    .isEqualTo(new CallBudget.Limit(ClientSetting.CALL_TIMEOUT, Duration.ofSeconds(20)));
            assertThat(budget.outlasts(Duration.ofSeconds(20))).isNull();
            assertThat(budget.outlasts(Duration.ofSeconds(21))).isEqualTo(ClientSetting.CALL_TIMEOUT);
        }
        try (CallBudget second = CallBudget.start(config, stall)) {
            clock.advance(Duration.ofSeconds(60));
            assertThat(second.nextRequest())
                    .as("80 s of the first call and 60 s of this one without a completed request")
                    .isEqualTo(new CallBudget.Limit(ClientSetting.STALL_TIMEOUT, Duration.ofSeconds(10)));
            assertThat(second.outlasts(Duration.ofSeconds(11))).isEqualTo(ClientSetting.STALL_TIMEOUT);
        }
    }
}
