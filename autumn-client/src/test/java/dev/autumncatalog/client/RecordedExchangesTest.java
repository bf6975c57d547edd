package dev.autumncatalog.client;

import static dev.autumncatalog.client.JsonAssert.assertBody;
import static dev.autumncatalog.client.Recordings.answer;
import static dev.autumncatalog.client.TestClients.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code balances.check} and {@code balances.track} the real server answered in 50-balances.jsonl, replayed: the
 * client, asked for the same thing, sends the recorded body, reads every field of the recorded answer, and turns each
 * recorded error into the typed exception with Autumn's exact status, code and message.
 */
class RecordedExchangesTest {
    private static final int TRACKS = 24;

    private MockWebServer server;
    private AutumnClient autumn;

    @BeforeEach
    void start() throws Exception {
        server = Loopback.start();
        autumn = new TestClients().client(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Arguments> checks() {
        return Recordings.byPath("/v1/balances.check").stream()
                .filter(line -> !line.path("request_body").path("customer_id").isMissingNode())
                .filter(line -> !line.path("request_body").path("feature_id").isMissingNode())
                .map(line -> Arguments.of(line.get("case").asText(), line));
    }

    static Stream<Arguments> tracks() {
        return Recordings.byPath("/v1/balances.track").stream()
                // The client sends numbers only, and a feature or an event, never both: see the test below.
                .filter(line -> line.at("/request_body/value").isNumber())
                .filter(line -> !(line.at("/request_body/feature_id").isTextual()
                        && line.at("/request_body/event_name").isTextual()))
                .map(line -> Arguments.of(line.get("case").asText(), line));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void check_recorded_sameRequestAndEveryFieldRead(String name, JsonNode exchange) throws Exception {
        server.enqueue(answer(exchange));
        JsonNode sent = exchange.get("request_body");
        int status = exchange.get("status").asInt();

        if (status == 200) {
            CheckResult result = autumn.check(checkRequest(sent));
            Expect.sameCheck(result, exchange.get("response_body"));
        } else {
            assertRecordedError(() -> autumn.check(checkRequest(sent)), exchange);
        }

        RecordedRequest request = take(server);
        assertBody(request, sent);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tracks")
    void track_recorded_sameRequestAndEveryFieldRead(String name, JsonNode exchange) throws Exception {
        server.enqueue(answer(exchange));
        JsonNode sent = exchange.get("request_body");
        int status = exchange.get("status").asInt();
        TrackRequest request = trackRequest(exchange);

        if (status == 200) {
            TrackResult result = autumn.track(request);
            assertThat(result.outcome()).isEqualTo(TrackOutcome.COUNTED);
            Expect.sameTrack(result, exchange.get("response_body"));
        } else if (status == 409) {
            // A repeated idempotency key: the usage was counted by the first request.
            TrackResult result = autumn.track(request);
            assertThat(result.outcome()).isEqualTo(TrackOutcome.ALREADY_COUNTED);
            assertThat(result.balance()).isNull();
        } else {
            AutumnException e = catchAutumn(() -> autumn.track(request));
            assertThat(e).isInstanceOf(TrackFailedException.class);
            assertThat(((TrackFailedException) e).attempts())
                    .as("a %s is not retried", status)
                    .isEqualTo(1);
            assertThat(((TrackFailedException) e).request().idempotencyKey()).isNotNull();
            assertRecordedError(
                    () -> {
                        throw e;
                    },
                    exchange);
        }

        RecordedRequest recorded = take(server);
        JsonNode expected = sent.deepCopy();
        // The client sends the key as the Idempotency-Key header (every route honours it), never in the body.
        if (expected.has("idempotency_key")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove("idempotency_key");
            assertThat(recorded.getHeaders().get("Idempotency-Key"))
                    .isEqualTo(sent.get("idempotency_key").asText());
        }
        String header = exchange.at("/request_headers/idempotency-key").asText(null);
        if (header != null) {
            assertThat(recorded.getHeaders().get("Idempotency-Key")).isEqualTo(header);
        }
        assertBody(recorded, expected);
    }

    @Test
    void replay_coversTheRecordedCases() {
        // 39 checks with a customer and a feature; the 2 without are refused before sending (test below).
        assertThat(checks()).hasSize(39);
        // Tracks less the string value and the feature-with-event request, which the client cannot build.
        assertThat(tracks()).hasSize(TRACKS);
    }

    @Test
    void recordedRequestsTheClientCannotSend_areRefusedBeforeSending() {
        // errors/err_both_feature_and_event: Autumn answers 400; the client does not build such a request.
        assertThatThrownBy(() -> new TrackRequest(
                        "c1",
                        MeteredFeature.of("api_calls"),
                        "api.request",
                        java.math.BigDecimal.ONE,
                        null,
                        Map.of(),
                        null,
                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a track takes a feature or an event name, not both (Autumn answers 400 invalid_inputs)");
        // errors/err_missing_customer, errors/err_missing_feature.
        assertThatThrownBy(() -> CheckRequest.of(null, MeteredFeature.of("api_calls")))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("customerId is null");
        assertThatThrownBy(() -> CheckRequest.of("c1", (FeatureRef) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("feature");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void recordedErrors_exactTypesCodesAndMessages() throws Exception {
        List<String> seen = new ArrayList<>();
        for (String name : List.of(
                "errors/err_unknown_customer", "errors/err_unknown_feature", "errors/err_track_unknown_event")) {
            JsonNode exchange = Recordings.byCase(name);
            server.enqueue(answer(exchange));
            AutumnException e = catchAutumn(() -> {
                if (exchange.get("path").asText().endsWith("check")) {
                    autumn.check(checkRequest(exchange.get("request_body")));
                } else {
                    autumn.track(trackRequest(exchange));
                }
            });
            if (e instanceof TrackFailedException) {
                e = (AutumnException) e.getCause();
            }
            seen.add(e.getClass().getSimpleName() + " " + e.status() + " " + e.code() + ": " + e.detail());
        }
        assertThat(seen)
                .containsExactly(
                        "AutumnNotFoundException 404 customer_not_found: Customer nobody not found",
                        "AutumnNotFoundException 404 feature_not_found: Feature nope not found",
                        "AutumnNotFoundException 404 invalid_request: No features found for event name: nope.event");
    }

    @Test
    void unknownCustomer_messageSaysWhatWasTriedAndWhatToDo() throws Exception {
        server.enqueue(answer(Recordings.byCase("errors/err_unknown_customer")));

        assertThatThrownBy(() -> autumn.check("nobody", MeteredFeature.of("api_calls")))
                .isInstanceOf(AutumnNotFoundException.class)
                .hasMessage(
                        "Tried to check 'api_calls' for customer 'nobody', but Autumn answered 404 customer_not_found:"
                                + " Customer nobody not found [POST /v1/balances.check]. Create the customer first"
                                + " (getOrCreateCustomer), or check the id");
    }

    @Test
    void finalizeTwice_recorded400_typedWithHint() throws Exception {
        server.enqueue(answer(Recordings.byCase("atomic/lock_finalize_twice")));

        assertThatThrownBy(() -> autumn.confirmLock("L2"))
                .isInstanceOfSatisfying(AutumnApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_request");
                    assertThat(e.detail()).isEqualTo("Lock not found for ID: L2");
                })
                .hasMessageEndingWith(". The lock was finalized already, expired, or never made (a check that failed"
                        + " open reserves nothing)");
        assertThat(server.getRequestCount()).as("a 400 is not retried").isEqualTo(1);
    }

    @Test
    void attachWithoutStripe_recorded400_typedWithHint() throws Exception {
        server.enqueue(answer(Recordings.byCase("errors/err_attach_without_stripe")));

        assertThatThrownBy(() -> autumn.attach("c1", "free"))
                .isInstanceOfSatisfying(AutumnApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_request");
                    assertThat(e.detail()).startsWith("There is no Stripe account linked to this organization.");
                })
                .hasMessageEndingWith("Attaching a plan needs a Stripe account connected to the Autumn org");
    }

    @Test
    void entityForUnknownCustomer_recorded200_readsTheEntity() throws Exception {
        JsonNode exchange = Recordings.byCase("errors/err_entity_unknown_customer");
        server.enqueue(answer(exchange));

        Entity entity = autumn.createEntity("nobody", "u1", MeteredFeature.of("seats"));

        assertBody(take(server), exchange.get("request_body"));
        assertThat(entity.customerId()).isEqualTo("nobody");
        assertThat(entity.subscriptions()).extracting(Subscription::planId).containsExactly("free");
    }

    // ------------------------------------------------------------------ translation of recorded requests

    static CheckRequest checkRequest(JsonNode body) {
        CheckRequest request = CheckRequest.of(
                body.get("customer_id").asText(), body.get("feature_id").asText());
        if (body.has("required_balance")) {
            request = request.requiredBalance(body.get("required_balance").decimalValue());
        }
        if (body.has("entity_id")) {
            request = request.entityId(body.get("entity_id").asText());
        }
        if (body.path("send_event").asBoolean(false)) {
            request = request.sendEvent(true);
        }
        if (body.has("lock")) {
            request = request.lock(Lock.of(body.at("/lock/lock_id").asText()));
        }
        return request;
    }

    static TrackRequest trackRequest(JsonNode exchange) {
        JsonNode body = exchange.get("request_body");
        String customer = body.get("customer_id").asText();
        TrackRequest request = body.has("feature_id")
                // A typed handle: the replay is about the wire, not about refusing kinds (see StringIdTrackTest).
                ? TrackRequest.of(
                        customer,
                        MeteredFeature.of(body.get("feature_id").asText()),
                        body.get("value").decimalValue())
                : TrackRequest.event(
                        customer,
                        body.get("event_name").asText(),
                        body.get("value").decimalValue());
        if (body.has("entity_id")) {
            request = request.entityId(body.get("entity_id").asText());
        }
        if (body.has("idempotency_key")) {
            request = request.idempotencyKey(body.get("idempotency_key").asText());
        }
        String header = exchange.at("/request_headers/idempotency-key").asText(null);
        if (header != null) {
            request = request.idempotencyKey(header);
        }
        return request;
    }

    private static void assertRecordedError(Runnable call, JsonNode exchange) {
        AutumnException e = catchAutumn(call);
        if (e instanceof TrackFailedException) {
            e = (AutumnException) e.getCause();
        }
        JsonNode body = exchange.get("response_body");
        assertThat(e.status()).isEqualTo(exchange.get("status").asInt());
        assertThat(e.code()).isEqualTo(body.get("code").asText());
        assertThat(e.detail()).isEqualTo(body.get("message").asText());
    }

    private static AutumnException catchAutumn(Runnable call) {
        try {
            call.run();
        } catch (AutumnException e) {
            return e;
        }
        throw new AssertionError("no AutumnException");
    }
}
