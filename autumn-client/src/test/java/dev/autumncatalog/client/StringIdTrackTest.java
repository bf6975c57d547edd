package dev.autumncatalog.client;

import static dev.autumncatalog.client.JsonAssert.assertBody;
import static dev.autumncatalog.client.Recordings.byCase;
import static dev.autumncatalog.client.TestClients.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tracks by plain id: the client learns the feature types from features.list once (one request however many threads
 * track at once), refuses a boolean or a credit system before anything is counted, and asks again for an id it did not
 * know.
 */
class StringIdTrackTest {
    private static final String FEATURES = Recordings.featuresList();
    private static final String TRACKED =
            byCase("basics/track_30").get("response_body").toString();

    private MockWebServer server;
    private final TestClients test = new TestClients();

    @AfterEach
    void stop() {
        server.close();
    }

    /** Answers by route, counting requests per route; features.list answers are {@code featureAnswers} in turn. */
    private static final class Routes extends Dispatcher {
        final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        final List<MockResponse> featureAnswers = new ArrayList<>();
        volatile long featuresDelayMillis;

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            String path = request.getUrl().encodedPath();
            int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            if (path.equals("/v1/features.list")) {
                Thread.sleep(featuresDelayMillis);
                synchronized (featureAnswers) {
                    return featureAnswers.isEmpty()
                            ? Responses.json(200, FEATURES)
                            : featureAnswers.get(Math.min(n, featureAnswers.size()) - 1);
                }
            }
            if (path.equals("/v1/balances.track")) {
                return Responses.json(200, TRACKED);
            }
            if (path.equals("/v1/balances.check")) {
                return Recordings.answer(byCase("basics/check_credits"));
            }
            return Responses.error(404, "not_found", "no route " + path);
        }

        int count(String path) {
            AtomicInteger count = counts.get(path);
            return count == null ? 0 : count.get();
        }
    }

    @Test
    void meteredById_learnsOnceThenTracks() throws Exception {
        server = Loopback.start();
        server.enqueue(Responses.json(200, FEATURES));
        server.enqueue(Responses.json(200, TRACKED));
        server.enqueue(Responses.json(200, TRACKED));
        AutumnClient autumn = test.client(server);

        assertThat(autumn.track("c1", "api_calls", 30).outcome()).isEqualTo(TrackOutcome.COUNTED);
        assertThat(autumn.track("c1", "ai_tokens", 5).outcome()).isEqualTo(TrackOutcome.COUNTED);

        RecordedRequest list = take(server);
        assertThat(list.getRequestLine()).isEqualTo("POST /v1/features.list HTTP/1.1");
        assertThat(list.getHeaders().get("X-API-Version")).isEqualTo("2.3.0");
        assertThat(list.getHeaders().get("Authorization")).isEqualTo("Bearer " + TestClients.KEY);
        assertBody(list, "{}");
        assertBody(take(server), byCase("basics/track_30").get("request_body"));
        assertThat(take(server).getRequestLine()).isEqualTo("POST /v1/balances.track HTTP/1.1");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void creditSystemById_refusedBeforeAnythingIsCounted() throws Exception {
        server = Loopback.start();
        server.enqueue(Responses.json(200, FEATURES));
        AutumnClient autumn = test.client(server);

        assertThatThrownBy(() -> autumn.track("c1", "credits", 1))
                .isInstanceOfSatisfying(WrongFeatureTypeException.class, e -> {
                    assertThat(e.featureId()).isEqualTo("credits");
                    assertThat(e.featureType()).isEqualTo("credit_system");
                    assertThat(e.status()).isZero();
                    assertThat(e.route()).isNull();
                })
                .hasMessage("Refused to track 1 of 'credits' for customer 'c1', but Autumn's features.list says"
                        + " 'credits' is a credit system: tracking it directly would deduct credits without recording"
                        + " which feature used them. Track the metered feature that spends the credits (one of"
                        + " [api_calls, ai_tokens]); Autumn deducts the credits at its cost");
        assertThat(take(server).getRequestLine()).isEqualTo("POST /v1/features.list HTTP/1.1");
        assertThat(server.getRequestCount()).as("no balances.track was sent").isEqualTo(1);
    }

    @Test
    void booleanById_refusedWithTheCheckToUseInstead() throws Exception {
        server = Loopback.start();
        server.enqueue(Responses.json(200, FEATURES));
        AutumnClient autumn = test.client(server);

        assertThatThrownBy(() -> autumn.track(TrackRequest.of("c1", FeatureId.of("sso"), 1)))
                .isInstanceOf(WrongFeatureTypeException.class)
                .hasMessage("Refused to track 1 of 'sso' for customer 'c1', but Autumn's features.list says 'sso' is a"
                        + " boolean feature: there is nothing to count (Autumn would answer 200 and deduct nothing)."
                        + " Use check(customerId, BooleanFlag.of(\"sso\")) to see whether the customer has it");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void refusal_neverGoesToTheUndeliveredHandler() throws Exception {
        server = Loopback.start();
        server.enqueue(Responses.json(200, FEATURES));
        List<TrackFailedException> handed = new ArrayList<>();
        AutumnClient autumn =
                test.builder(server).onUndeliveredTrack(handed::add).build();

        assertThatThrownBy(() -> autumn.track("c1", "credits", 1)).isInstanceOf(WrongFeatureTypeException.class);
        assertThat(handed).isEmpty();
    }

    @Test
    void concurrentFirstTracks_oneFeaturesListForAll() throws Exception {
        Routes routes = new Routes();
        routes.featuresDelayMillis = 300; // every thread arrives while the list is on its way
        server = Loopback.start(routes);
        AutumnClient autumn = test.client(server);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<TrackResult>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return autumn.track("c1", "api_calls", 1);
                }));
            }
            go.countDown();
            for (Future<TrackResult> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS).outcome()).isEqualTo(TrackOutcome.COUNTED);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(routes.count("/v1/features.list")).isEqualTo(1);
        assertThat(routes.count("/v1/balances.track")).isEqualTo(threads);
    }

    @Test
    void learningFails_notKept_nextAttemptAsksAgain() throws Exception {
        Routes routes = new Routes();
        routes.featureAnswers.add(Responses.error(500, "internal_error", "boom"));
        routes.featureAnswers.add(Responses.json(200, FEATURES));
        server = Loopback.start(routes);
        AutumnClient autumn = test.client(server);

        assertThat(autumn.track("c1", "api_calls", 1).outcome()).isEqualTo(TrackOutcome.COUNTED);

        assertThat(routes.count("/v1/features.list")).isEqualTo(2);
        assertThat(routes.count("/v1/balances.track")).isEqualTo(1);
        assertThat(test.waits).hasSize(1);
    }

    @Test
    void learningRefused_trackFailsWithThatCause() throws Exception {
        Routes routes = new Routes();
        routes.featureAnswers.add(Responses.error(401, "invalid_secret_key", "Invalid secret key"));
        server = Loopback.start(routes);
        AutumnClient autumn = test.client(server);

        assertThatThrownBy(() -> autumn.track("c1", "api_calls", 1))
                .isInstanceOfSatisfying(TrackFailedException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOf(AutumnAuthException.class);
                    assertThat(e.route()).isEqualTo("/v1/features.list");
                })
                .hasMessageStartingWith("Tried to learn the feature types (features.list) before tracking by id, but"
                        + " Autumn answered 401 invalid_secret_key");
        assertThat(routes.count("/v1/balances.track")).isZero();
    }

    @Test
    void unknownId_asksAgainOnceThenLetsAutumnAnswer() throws Exception {
        Routes routes = new Routes();
        server = Loopback.start(routes);
        AutumnClient.Builder builder = test.builder(server);
        builder.featureRefreshAfter = Duration.ZERO;
        AutumnClient autumn = builder.build();

        autumn.track("c1", "api_calls", 1);
        autumn.track("c1", "brand_new", 1);

        // Learned once for api_calls; brand_new was not listed, so asked once more, then sent (Autumn decides).
        assertThat(routes.count("/v1/features.list")).isEqualTo(2);
        assertThat(routes.count("/v1/balances.track")).isEqualTo(2);
    }

    @Test
    void unknownId_withinTheRefreshWindow_notAskedAgain() throws Exception {
        Routes routes = new Routes();
        server = Loopback.start(routes);
        AutumnClient autumn = test.client(server);

        autumn.track("c1", "api_calls", 1);
        autumn.track("c1", "brand_new", 1);
        autumn.track("c1", "brand_new", 1);

        assertThat(routes.count("/v1/features.list")).isEqualTo(1);
    }

    @Test
    void typedHandlesAndEventNames_neverLearn() throws Exception {
        Routes routes = new Routes();
        server = Loopback.start(routes);
        AutumnClient autumn = test.client(server);

        autumn.track("c1", MeteredFeature.of("api_calls"), 1);
        autumn.track(TrackRequest.event("c1", "api.request", 1));
        autumn.check("c1", "credits");

        assertThat(routes.count("/v1/features.list")).isZero();
    }
}
