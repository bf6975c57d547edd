package dev.autumncatalog.client;

import static dev.autumncatalog.client.Recordings.answer;
import static dev.autumncatalog.client.Recordings.byCase;
import static dev.autumncatalog.client.TestClients.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tracks are never lost silently: one idempotency key per call, retries, Retry-After, duplicates, undelivered. */
class TrackReliabilityTest {
    private static final MeteredFeature API_CALLS = MeteredFeature.of("api_calls");
    private static final MockResponse COUNTED = answer(byCase("basics/track_30"));
    private static final MockResponse DUPLICATE = answer(byCase("atomic/idem_header_2"));

    private MockWebServer server;
    private TestClients test;
    private AutumnClient autumn;

    @BeforeEach
    void start() throws Exception {
        server = Loopback.start();
        test = new TestClients();
        autumn = test.client(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private List<String> keysSent(int requests) throws InterruptedException {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            keys.add(take(server).getHeaders().get("Idempotency-Key"));
        }
        return keys;
    }

    @Test
    void serverErrorThenCounted_retriedWithTheSameKey() throws Exception {
        server.enqueue(Responses.error(500, "internal_error", "boom"));
        server.enqueue(COUNTED);

        TrackResult result = autumn.track("c1", API_CALLS, 30);

        assertThat(result.outcome()).isEqualTo(TrackOutcome.COUNTED);
        assertThat(result.balance().remaining()).isEqualByComparingTo("70");
        assertThat(keysSent(2)).containsExactly("idem-1", "idem-1");
        assertThat(test.waits).containsExactly(Duration.ofMillis(75));
    }

    @Test
    void backoff_doublesWithJitterUpToTheCap() throws Exception {
        server.enqueue(Responses.error(502, "bad_gateway", "x"));
        server.enqueue(Responses.error(503, "unavailable", "x"));
        server.enqueue(Responses.error(500, "internal_error", "x"));
        server.enqueue(COUNTED);
        AutumnClient capped = test.builder(server)
                .backoff(Duration.ofMillis(100), Duration.ofMillis(300))
                .build();

        assertThat(capped.track("c1", API_CALLS, 30).outcome()).isEqualTo(TrackOutcome.COUNTED);

        // Steps 100, 200, 300 (capped); each wait is half the step plus half of it times the jitter (0.5 here).
        assertThat(test.waits).containsExactly(Duration.ofMillis(75), Duration.ofMillis(150), Duration.ofMillis(225));
    }

    @Test
    void jitter_spreadsEachWaitOverItsUpperHalf() {
        Calls calls = new Calls(
                null, d -> {}, () -> 0.0, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(10));
        Calls full = new Calls(
                null, d -> {}, () -> 1.0, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(10));
        AutumnException failure = new AutumnServerException("t", "/v1/x", 500, null, null, null);

        assertThat(calls.waitBefore(2, failure)).isEqualTo(Duration.ofMillis(50));
        assertThat(full.waitBefore(2, failure)).isEqualTo(Duration.ofMillis(100));
        assertThat(full.waitBefore(7, failure)).isEqualTo(Duration.ofSeconds(2));
        assertThat(calls.waitBefore(30, failure)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void rateLimited_waitsExactlyRetryAfter() throws Exception {
        server.enqueue(Responses.rateLimited("2"));
        server.enqueue(COUNTED);

        assertThat(autumn.track("c1", API_CALLS, 30).outcome()).isEqualTo(TrackOutcome.COUNTED);

        assertThat(test.waits).containsExactly(Duration.ofSeconds(2));
        assertThat(keysSent(2)).containsExactly("idem-1", "idem-1");
    }

    @Test
    void rateLimitedLongerThanTheCap_stopsAndReportsTheWaitAskedFor() throws Exception {
        server.enqueue(Responses.rateLimited("60"));

        assertThatThrownBy(() -> autumn.track("c1", API_CALLS, 30))
                .isInstanceOfSatisfying(TrackFailedException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(((AutumnRateLimitException) e.getCause()).retryAfter())
                            .isEqualTo(Duration.ofSeconds(60));
                });
        assertThat(test.waits).isEmpty();
    }

    @Test
    void answerLostThenDuplicateOnRetry_alreadyCountedNotAFailure() throws Exception {
        // The first attempt reaches Autumn, which counts it; the answer is lost. The retry carries the same key.
        server.enqueue(Responses.dropAfterRequest());
        server.enqueue(DUPLICATE);

        TrackResult result = autumn.track("c1", API_CALLS, 30);

        assertThat(result.outcome()).isEqualTo(TrackOutcome.ALREADY_COUNTED);
        assertThat(result.delivered()).isTrue();
        assertThat(result.idempotencyKey()).isEqualTo("idem-1");
        assertThat(result.value()).isEqualByComparingTo("30");
        assertThat(result.balance()).isNull();
        assertThat(keysSent(2)).containsExactly("idem-1", "idem-1");
    }

    @Test
    void tricklingAnswerThenCounted_attemptDeadlineThenRetry() throws Exception {
        String body = byCase("basics/track_30").get("response_body").toString();
        try (TricklingServer trickling = new TricklingServer(body, 0, 1)) {
            AutumnClient client = test.builder(server)
                    .baseUrl(trickling.base())
                    .timeout(Duration.ofMillis(300))
                    .build();

            TrackResult result = client.track("c1", API_CALLS, 30);

            assertThat(result.outcome()).isEqualTo(TrackOutcome.COUNTED);
            assertThat(trickling.requests).hasValue(2);
            assertThat(trickling.heads)
                    .allSatisfy(head -> assertThat(head).containsIgnoringCase("idempotency-key: idem-1\r\n"));
        }
    }

    @Test
    void neverAnswered_throwsWithTheRequestAndItsKey() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueue(Responses.error(503, "unavailable", "maintenance"));
        }

        assertThatThrownBy(
                        () -> autumn.track(TrackRequest.of("c1", API_CALLS, 30).entityId("u1")))
                .isInstanceOfSatisfying(TrackFailedException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(4);
                    assertThat(e.request().idempotencyKey()).isEqualTo("idem-1");
                    assertThat(e.request().entityId()).isEqualTo("u1");
                    assertThat(e.getCause()).isInstanceOf(AutumnServerException.class);
                })
                .hasMessage("Tried to track 30 of 'api_calls' for customer 'c1' (entity 'u1'), but Autumn answered 503"
                        + " unavailable: maintenance [POST /v1/balances.track]. Tried 4 times without a confirmation"
                        + " (an attempt may have counted without its answer arriving); replay request() later: its"
                        + " idempotency key keeps it from counting twice");
        assertThat(keysSent(4)).containsOnly("idem-1");
        assertThat(test.waits).hasSize(3);
    }

    @Test
    void replayOfAnUndeliveredTrack_sendsTheSameKey() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueue(Responses.error(500, "internal_error", "x"));
        }
        server.enqueue(DUPLICATE);
        TrackFailedException failure = null;
        try {
            autumn.track("c1", API_CALLS, 30);
        } catch (TrackFailedException e) {
            failure = e;
        }

        TrackResult replayed = autumn.track(failure.request());

        assertThat(replayed.outcome()).isEqualTo(TrackOutcome.ALREADY_COUNTED);
        assertThat(keysSent(5)).containsOnly("idem-1");
    }

    @Test
    void handlerSet_undeliveredGoesToItAndTrackReturns() throws Exception {
        for (int i = 0; i < 2; i++) {
            server.enqueue(Responses.error(500, "internal_error", "x"));
        }
        List<TrackFailedException> handed = new ArrayList<>();
        AutumnClient withHandler = test.builder(server)
                .trackAttempts(2)
                .onUndeliveredTrack(handed::add)
                .build();

        TrackResult result = withHandler.track("c1", API_CALLS, 30);

        assertThat(result.outcome()).isEqualTo(TrackOutcome.UNDELIVERED);
        assertThat(result.delivered()).isFalse();
        assertThat(handed).singleElement().isSameAs(result.failure());
        assertThat(handed.get(0).request().idempotencyKey()).isEqualTo(result.idempotencyKey());
        assertThat(handed.get(0).attempts()).isEqualTo(2);
    }

    @Test
    void refusedByAutumn_notRetriedAndSaysNotCounted() throws Exception {
        server.enqueue(answer(byCase("errors/err_track_unknown_customer")));

        assertThatThrownBy(() -> autumn.track("nobody", API_CALLS, 1))
                .isInstanceOfSatisfying(TrackFailedException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("customer_not_found");
                })
                .hasMessageEndingWith("Create the customer first (getOrCreateCustomer), or check the id. Not counted:"
                        + " fix the cause, then replay request() (same idempotency key)");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void accepted202_forReplay() throws Exception {
        server.enqueue(Responses.json(
                202, byCase("basics/track_30").get("response_body").toString()));

        TrackResult result = autumn.track("c1", API_CALLS, 30);

        assertThat(result.outcome()).isEqualTo(TrackOutcome.ACCEPTED_FOR_REPLAY);
        assertThat(result.delivered()).isTrue();
    }

    @Test
    void countedButUnreadable_countedWithoutBalancesAndNotRepeated() throws Exception {
        server.enqueue(Responses.json(200, "{\"customer_id\":"));

        TrackResult result = autumn.track("c1", API_CALLS, 30);

        assertThat(result.outcome()).isEqualTo(TrackOutcome.COUNTED);
        assertThat(result.balance()).isNull();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void eachCall_getsItsOwnKey() throws Exception {
        server.enqueue(COUNTED);
        server.enqueue(COUNTED);

        autumn.track("c1", API_CALLS, 30);
        autumn.track("c1", API_CALLS, 30);

        assertThat(keysSent(2)).containsExactly("idem-1", "idem-2");
    }

    @Test
    void defaultKeys_areRandomUuids() throws Exception {
        server.enqueue(COUNTED);
        AutumnClient real = AutumnClient.builder()
                .secretKey(TestClients.KEY)
                .baseUrl(Loopback.base(server))
                .build();

        TrackResult result = real.track("c1", API_CALLS, 30);

        assertThat(result.idempotencyKey())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(take(server).getHeaders().get("Idempotency-Key")).isEqualTo(result.idempotencyKey());
    }
}
