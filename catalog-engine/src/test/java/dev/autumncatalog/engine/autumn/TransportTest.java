package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.engine.autumn.Recordings.byCase;
import static dev.autumncatalog.engine.autumn.Responses.error;
import static dev.autumncatalog.engine.autumn.Responses.ok;
import static dev.autumncatalog.engine.autumn.Responses.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
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

    @Test
    void fetchCatalog_sendsBothListsAtOnce() throws Exception {
        CountDownLatch both = new CountDownLatch(2);
        server.close();
        server = Loopback.start(new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                both.countDown();
                // Each list is answered only once the other one has arrived: one after the other never completes.
                if (!both.await(5, TimeUnit.SECONDS)) {
                    return error(400, "one_at_a_time", "the lists came one after the other");
                }
                return ok(Json.parse("{\"list\": []}"));
            }
        });
        use(config().baseUrl(server.url("/v1").toString()));

        RemoteCatalog catalog = client.fetchCatalog();

        assertThat(catalog.features()).isEmpty();
        assertThat(catalog.plans()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void fetchCatalog_bothFail_theFeaturesFailureIsReported_whateverCameFirst() {
        routes.on("/v1/plans.list", error(500, "internal_error", "plans broke"));
        routes.on("/v1/features.list", error(400, "invalid_inputs", "features broke"));
        use(config().maxRetries(0));

        assertThatThrownBy(client::fetchCatalog)
                .isInstanceOf(AutumnApiException.class)
                .hasMessage("POST /v1/features.list answered 400 invalid_inputs: features broke");
    }

    @Test
    void answerOverTheLimit_isNotRetried_andSaysSo() {
        routes.next(ok(Json.parse("{\"productName\": \"" + "x".repeat(2_000) + "\", \"totalCount\": 1}")));
        use(config().maxAnswerBytes(1_000));

        assertThatThrownBy(() -> client.featureUsage("api_calls"))
                .isInstanceOfSatisfying(AutumnAnswerTooLargeException.class, e -> {
                    assertThat(e.status()).isEqualTo(200);
                    assertThat(e.limitBytes()).isEqualTo(1_000);
                    assertThat(e.setting()).isEqualTo(ClientSetting.MAX_ANSWER_BYTES);
                })
                .hasMessageStartingWith("GET /v1/features/api_calls/deletion_info (api_calls) answered 200: the answer"
                        + " announces 2033 bytes, more than the 1000 bytes this client reads (maxAnswerBytes); it was"
                        + " not read, and the request was not repeated;");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void answerAtTheLimit_isRead() {
        String body = "{\"productName\": \"" + "x".repeat(2_000) + "\", \"totalCount\": 1}";
        routes.next(ok(Json.parse(body)));
        use(config().maxAnswerBytes(Json.parse(body).toString().length()));

        assertThat(client.featureUsage("api_calls").planItemCount()).isEqualTo(1);
    }

    @Test
    void requestTimeout_bodyReadInsideIt_aTricklingAnswerEndsAtTheDeadline() {
        routes.next(new mockwebserver3.MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body("{\"productName\": null, \"totalCount\": 0}" + " ".repeat(200))
                .throttleBody(1, 20, TimeUnit.MILLISECONDS)
                .build());
        use(config().requestTimeout(Duration.ofMillis(300))
                .readTimeout(Duration.ofSeconds(10))
                .maxRetries(0));

        assertThatThrownBy(() -> client.featureUsage("api_calls"))
                .isInstanceOfSatisfying(AutumnDeadlineException.class, e -> {
                    assertThat(e.setting()).isEqualTo(ClientSetting.REQUEST_TIMEOUT);
                    assertThat(e.limit()).isEqualTo(Duration.ofMillis(300));
                })
                .hasMessageStartingWith("GET /v1/features/api_calls/deletion_info (api_calls) failed without an"
                        + " answer: no complete answer within 300 ms (requestTimeout);");
    }

    @Test
    void readTimeout_stillAnIoFailure_notADeadline() {
        routes.next(new mockwebserver3.MockResponse.Builder()
                .code(200)
                .body("{}")
                .headersDelay(2, TimeUnit.SECONDS)
                .build());
        use(config().readTimeout(Duration.ofMillis(200)).maxRetries(0));

        assertThatThrownBy(() -> client.featureUsage("api_calls"))
                .isExactlyInstanceOf(AutumnTransportException.class)
                .hasMessageContaining("failed without an answer: java.net.SocketTimeoutException: ");
    }

    @Test
    void callTimeout_cutsARequestInFlight_whenItIsTighterThanTheRequestTimeout() {
        routes.next(new mockwebserver3.MockResponse.Builder()
                .code(200)
                .body("{}")
                .headersDelay(20, TimeUnit.SECONDS)
                .build());
        use(config().clock(ClientClock.SYSTEM)
                .requestTimeout(Duration.ofSeconds(30))
                .readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofMillis(500))
                .maxRetries(0));

        Throwable failure = assertTimeoutPreemptively(
                Duration.ofSeconds(15), () -> catchThrowable(() -> client.featureUsage("api_calls")));

        assertThat(failure)
                .isInstanceOfSatisfying(AutumnDeadlineException.class, e -> {
                    assertThat(e.setting()).isEqualTo(ClientSetting.CALL_TIMEOUT);
                    assertThat(e.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(500));
                })
                .hasMessageContaining(
                        "and 1 attempt, the deadline of one call (callTimeout = 500 ms, retries" + " included)");
    }
}
