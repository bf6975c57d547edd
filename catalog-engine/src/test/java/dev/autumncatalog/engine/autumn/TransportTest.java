package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.engine.autumn.Recordings.byCase;
import static dev.autumncatalog.engine.autumn.Responses.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link Transport}: pacing, and one request within its deadline and size limit. */
class TransportTest extends ClientFixture {

    @Test
    void rateLimiter_pacesRequests() throws Exception {
        use(config().requestsPerSecond(4));
        for (int i = 0; i < 5; i++) {
            routes.next(recorded(byCase(Recordings.REST, "rest_feature_deletion_info")));
        }
        for (int i = 0; i < 5; i++) {
            client.featureUsage("api_calls");
        }
        assertThat(clock.sleeps())
                .containsExactly(
                        Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250));
        assertThat(events.all).filteredOn(e -> e instanceof String).hasSize(4);
    }
}
