package dev.autumncatalog.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The deadline does not just stop the caller waiting: the client abandons the exchange, so the connection of a
 * trickling answer is closed and no thread keeps reading it. Seen from a raw socket server, whose writes start failing
 * once the client has let go.
 */
class DeadlineCancelTest {

    @Test
    void tricklingAnswer_pastTheDeadline_connectionIsClosedByTheClient() throws Exception {
        String body =
                Recordings.byCase("basics/check_initial").get("response_body").toString();
        try (TricklingServer server = new TricklingServer(body, 1, 1)) {
            AutumnClient autumn = AutumnClient.builder()
                    .secretKey(TestClients.KEY)
                    .baseUrl(server.base())
                    .timeout(Duration.ofMillis(300))
                    .build();

            // Warm-up with a generous deadline: a cold JVM's first exchange can take longer than 300 ms.
            assertThat(autumn.check(CheckRequest.of("c1", MeteredFeature.of("api_calls"))
                                    .timeout(Duration.ofSeconds(10)))
                            .degraded())
                    .as("warm-up")
                    .isFalse();
            CheckResult result = autumn.check("c1", MeteredFeature.of("api_calls"));

            assertThat(result.degradation().cause()).isInstanceOf(AutumnTimeoutException.class);
            assertThat(server.droppedByClient.await(3, TimeUnit.SECONDS))
                    .as("the server's writes fail soon after the deadline: the client closed the connection")
                    .isTrue();
        }
    }
}
