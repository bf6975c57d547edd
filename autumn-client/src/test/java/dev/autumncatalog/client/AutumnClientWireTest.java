package dev.autumncatalog.client;

import static dev.autumncatalog.client.JsonAssert.assertBody;
import static dev.autumncatalog.client.Recordings.answer;
import static dev.autumncatalog.client.Recordings.byCase;
import static dev.autumncatalog.client.TestClients.KEY;
import static dev.autumncatalog.client.TestClients.take;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each call's request (route, headers, body compared as JSON) and the reading of its answer, against the real
 * server's recorded exchanges where they exist (50-balances.jsonl).
 */
class AutumnClientWireTest {
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

    /** The headers every request carries; the idempotency key only where given. */
    private static void assertHeaders(RecordedRequest request, String route, String idempotencyKey) {
        assertThat(request.getRequestLine()).isEqualTo("POST " + route + " HTTP/1.1");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getHeaders().get("X-API-Version")).isEqualTo("2.3.0");
        assertThat(request.getHeaders().get("User-Agent"))
                .isEqualTo("autumn-client-java/" + System.getProperty("client.version") + " (Java " + Runtime.version()
                        + ")");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo(idempotencyKey);
    }

    private static JsonNode requestOf(String recordedCase) {
        return byCase(recordedCase).get("request_body");
    }

    @Test
    void apiVersion_isPinnedConstant() {
        assertThat(AutumnClient.API_VERSION).isEqualTo("2.3.0");
        assertThat(AutumnClient.DEFAULT_TIMEOUT).hasSeconds(5);
    }

    @Test
    void check_featureOnly_sendsRecordedBodyAndReadsBalance() throws Exception {
        JsonNode exchange = byCase("basics/check_initial");
        server.enqueue(answer(exchange));

        CheckResult result = autumn.check("c1", MeteredFeature.of("api_calls"));

        RecordedRequest request = take(server);
        assertHeaders(request, "/v1/balances.check", null);
        assertBody(request, requestOf("basics/check_initial"));
        assertThat(result.allowed()).isTrue();
        assertThat(result.requiredBalance()).isEqualByComparingTo("1");
        assertThat(result.balance().featureId()).isEqualTo("api_calls");
        assertThat(result.balance().granted()).isEqualByComparingTo("100");
        assertThat(result.balance().remaining()).isEqualByComparingTo("100");
        assertThat(result.balance().nextResetAt()).isEqualTo(Instant.ofEpochMilli(1798927065545L));
        assertThat(result.balance().breakdown().get(0).reset())
                .isEqualTo(new Balance.Reset("month", 1, Instant.ofEpochMilli(1798927065545L)));
        assertThat(result.flag()).isNull();
        Expect.sameCheck(result, exchange.get("response_body"));
    }

    @Test
    void check_everyOption_sendsEachField() throws Exception {
        server.enqueue(answer(byCase("atomic/lock_hold")));
        Instant expires = Instant.ofEpochMilli(1_800_000_000_000L);

        autumn.check(CheckRequest.of("c1", MeteredFeature.of("api_calls"))
                .requiredBalance(new BigDecimal("10.5"))
                .entityId("u1")
                .sendEvent(true)
                .lock(Lock.of("L1").expiresAt(expires))
                .properties(Map.of("model", "small", "n", 3)));

        assertBody(
                take(server),
                "{\"customer_id\":\"c1\",\"feature_id\":\"api_calls\",\"entity_id\":\"u1\",\"required_balance\":10.5,"
                        + "\"send_event\":true,\"lock\":{\"lock_id\":\"L1\",\"enabled\":true,\"expires_at\":1800000000000},"
                        + "\"properties\":{\"model\":\"small\",\"n\":3}}");
    }

    @Test
    void check_lock_sendsRecordedBodyAndReadsBalancesMap() throws Exception {
        JsonNode exchange = byCase("atomic/lock_hold");
        server.enqueue(answer(exchange));

        CheckResult result = autumn.check(
                CheckRequest.of("c1", "api_calls").requiredBalance(10).lock(Lock.of("L1")));

        assertBody(take(server), requestOf("atomic/lock_hold"));
        assertThat(result.balances()).containsOnlyKeys("api_calls", "credits");
        Expect.sameCheck(result, exchange.get("response_body"));
    }

    @Test
    void check_booleanFlag_readsFlagAndNullBalance() throws Exception {
        server.enqueue(answer(byCase("basics/check_boolean_in_plan")));

        CheckResult result = autumn.check("c1", BooleanFlag.of("sso"));

        assertBody(take(server), requestOf("basics/check_boolean_in_plan"));
        assertThat(result.allowed()).isTrue();
        assertThat(result.balance()).isNull();
        assertThat(result.flag()).isEqualTo(new Flag("cus_ent_3Mw5D2SDlEShg0aTbPMLBnV6rC4", "free", "sso", null));
    }

    @Test
    void check_creditSystemAnswersForItsFeature_balanceIsTheCreditsAndRequiredIsInCredits() throws Exception {
        // The trap: 100 ai_tokens checked, Autumn answers with the credits balance and required_balance 1 (credits).
        server.enqueue(answer(byCase("basics/check_ai_tokens")));

        CheckResult result = autumn.check(
                CheckRequest.of("c1", MeteredFeature.of("ai_tokens")).requiredBalance(100));

        assertBody(take(server), requestOf("basics/check_ai_tokens"));
        assertThat(result.balance().featureId()).isEqualTo("credits");
        assertThat(result.requiredBalance()).isEqualByComparingTo("1");
        assertThat(result.balance().remaining()).isEqualByComparingTo("25");
    }

    @Test
    void track_typedHandle_sendsValueWithIdempotencyKeyAndReadsDeductions() throws Exception {
        JsonNode exchange = byCase("basics/track_past_remaining");
        server.enqueue(answer(exchange));

        TrackResult result = autumn.track("c1", MeteredFeature.of("api_calls"), 80);

        RecordedRequest request = take(server);
        assertHeaders(request, "/v1/balances.track", "idem-1");
        assertBody(request, requestOf("basics/track_past_remaining"));
        assertThat(result.outcome()).isEqualTo(TrackOutcome.COUNTED);
        assertThat(result.idempotencyKey()).isEqualTo("idem-1");
        assertThat(result.deductions())
                .extracting(TrackResult.Deduction::featureId, d -> d.value().intValueExact())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("api_calls", 65),
                        org.assertj.core.groups.Tuple.tuple("credits", 15));
        Expect.sameTrack(result, exchange.get("response_body"));
        assertThat(server.getRequestCount())
                .as("a typed handle needs no features.list")
                .isEqualTo(1);
    }

    @Test
    void track_decimal_sendsExactDecimalAndReadsFractionalCredits() throws Exception {
        JsonNode exchange = byCase("basics/track_decimal");
        server.enqueue(answer(exchange));

        TrackResult result = autumn.track("c1", MeteredFeature.of("ai_tokens"), new BigDecimal("12.5"));

        assertThat(take(server).getBody().utf8()).contains("\"value\":12.5");
        assertThat(result.balance().featureId()).isEqualTo("credits");
        assertThat(result.balance().remaining()).isEqualTo(new BigDecimal("24.875"));
        assertThat(result.balance().usage()).isEqualTo(new BigDecimal("25.125"));
        assertThat(result.deductions().get(0).value()).isEqualTo(new BigDecimal("0.125"));
        assertThat(result.balances())
                .as("ai_tokens: null in the answer, left out")
                .containsOnlyKeys("credits");
        Expect.sameTrack(result, exchange.get("response_body"));
    }

    @Test
    void track_eventName_sendsEventInsteadOfFeature() throws Exception {
        JsonNode exchange = byCase("basics/track_by_event_name");
        server.enqueue(answer(exchange));

        TrackResult result = autumn.track(TrackRequest.event("c1", "api.request", 5));

        assertBody(take(server), requestOf("basics/track_by_event_name"));
        assertThat(result.eventName()).isEqualTo("api.request");
        Expect.sameTrack(result, exchange.get("response_body"));
    }

    @Test
    void track_entityPropertiesAndOwnKey_sendsThem() throws Exception {
        server.enqueue(answer(byCase("continuous/entity_track")));

        autumn.track(TrackRequest.of("c1", MeteredFeature.of("api_calls"), 5)
                .entityId("u1")
                .properties(Map.of("route", "/search", "ok", true, "tags", List.of("a", "b")))
                .idempotencyKey("job-42"));

        RecordedRequest request = take(server);
        assertHeaders(request, "/v1/balances.track", "job-42");
        assertBody(
                request,
                "{\"customer_id\":\"c1\",\"feature_id\":\"api_calls\",\"entity_id\":\"u1\",\"value\":5,"
                        + "\"properties\":{\"route\":\"/search\",\"ok\":true,\"tags\":[\"a\",\"b\"]}}");
    }

    @Test
    void finalize_confirmReleaseAndOverride_sendRecordedBodies() throws Exception {
        server.enqueue(answer(byCase("atomic/lock_confirm")));
        server.enqueue(answer(byCase("atomic/lock_release")));
        server.enqueue(answer(byCase("atomic/lock_confirm")));

        autumn.confirmLock("L1");
        autumn.releaseLock("L2");
        autumn.confirmLock("L3", new BigDecimal("7"));

        RecordedRequest confirm = take(server);
        assertHeaders(confirm, "/v1/balances.finalize", "idem-1");
        assertBody(confirm, requestOf("atomic/lock_confirm"));
        assertBody(take(server), requestOf("atomic/lock_release"));
        assertBody(take(server), "{\"lock_id\":\"L3\",\"action\":\"confirm\",\"override_value\":7}");
    }

    @Test
    void getOrCreateCustomer_sendsRecordedBodyAndReadsCustomer() throws Exception {
        server.enqueue(answer(byCase("basics/customer_create")));

        Customer customer = autumn.getOrCreateCustomer(
                CustomerRequest.of("c1").name("C One").email("c1@example.com"));

        RecordedRequest request = take(server);
        assertHeaders(request, "/v1/customers.get_or_create", null);
        assertBody(request, requestOf("basics/customer_create"));
        assertThat(customer.id()).isEqualTo("c1");
        assertThat(customer.name()).isEqualTo("C One");
        assertThat(customer.email()).isEqualTo("c1@example.com");
        assertThat(customer.environment()).isEqualTo(Environment.SANDBOX);
        assertThat(customer.createdAt()).isEqualTo(Instant.ofEpochMilli(1796248665531L));
        assertThat(customer.subscriptions()).singleElement().satisfies(s -> {
            assertThat(s.planId()).isEqualTo("free");
            assertThat(s.status()).isEqualTo("active");
            assertThat(s.autoEnable()).isTrue();
            assertThat(s.startedAt()).isEqualTo(Instant.ofEpochMilli(1796248665545L));
            assertThat(s.quantity()).isEqualTo(1);
        });
        assertThat(customer.balances()).containsOnlyKeys("exports", "api_calls", "seats", "credits");
        assertThat(customer.balances().get("exports").unlimited()).isTrue();
        assertThat(customer.flags()).containsOnlyKeys("sso");
        Expect.sameBalances(
                customer.balances(), byCase("basics/customer_create").at("/response_body/balances"));
    }

    @Test
    void customer_sendsRecordedBodyAndReadsMetadataAndDecimalBalances() throws Exception {
        server.enqueue(answer(byCase("basics/customer_get")));

        Customer customer = autumn.customer("c1");

        assertBody(take(server), requestOf("basics/customer_get"));
        assertThat(customer.balances().get("credits").remaining()).isEqualTo(new BigDecimal("23.875"));
        assertThat(customer.metadata()).isEmpty();
    }

    @Test
    void entities_createGetDelete_sendRecordedBodies() throws Exception {
        server.enqueue(answer(byCase("continuous/entity_create")));
        server.enqueue(answer(byCase("continuous/entity_get")));
        server.enqueue(answer(byCase("continuous/entity_delete")));

        Entity created = autumn.createEntity(
                EntityRequest.of("c1", "u1", MeteredFeature.of("seats")).name("User 1"));
        Entity got = autumn.entity("c1", "u1");
        autumn.deleteEntity("c1", "u1");

        assertBody(take(server), requestOf("continuous/entity_create"));
        assertBody(take(server), requestOf("continuous/entity_get"));
        assertBody(take(server), requestOf("continuous/entity_delete"));
        assertThat(created.featureId())
                .as("entities.create leaves feature_id out")
                .isNull();
        assertThat(created.name()).isEqualTo("User 1");
        assertThat(got.featureId()).isEqualTo("seats");
        assertThat(got.balances().get("seats").usage()).isEqualByComparingTo("1");
        assertThat(got.flags()).containsOnlyKeys("sso");
    }

    @Test
    void attach_checkoutNeeded_returnsTheUrl() throws Exception {
        // The shape of OpenAPI 2.3.0 (no Stripe on the recorded server, so no recorded success).
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body("{\"customer_id\":\"c1\",\"payment_url\":\"https://checkout.stripe.com/c/pay/cs_1\","
                        + "\"required_action\":{\"code\":\"payment_method_required\",\"reason\":\"no card\"}}")
                .build());
        server.enqueue(new MockResponse.Builder()
                .setHeader("Content-Type", "application/json")
                .body("{\"customer_id\":\"c1\",\"payment_url\":null}")
                .build());

        AttachResult checkout = autumn.attach(AttachRequest.of("c1", "pro")
                .successUrl(URI.create("https://example.com/done"))
                .entityId("w1"));
        AttachResult done = autumn.attach("c1", "free");

        assertBody(
                take(server),
                "{\"customer_id\":\"c1\",\"plan_id\":\"pro\",\"entity_id\":\"w1\","
                        + "\"success_url\":\"https://example.com/done\"}");
        assertBody(take(server), requestOf("errors/err_attach_without_stripe"));
        assertThat(checkout.checkoutUrl()).contains(URI.create("https://checkout.stripe.com/c/pay/cs_1"));
        assertThat(checkout.requiredAction())
                .isEqualTo(new AttachResult.RequiredAction("payment_method_required", "no card"));
        assertThat(done.checkoutUrl()).isEmpty();
    }
}
