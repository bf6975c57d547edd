package dev.autumncatalog.sandbox;

import static dev.autumncatalog.sandbox.JsonAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code balances.track} beyond the recording: events on several features, reject and overflow, idempotency keys. */
class TrackHandlersTest {
    private RunTimeFixture f;

    @BeforeEach
    void start() {
        f = new RunTimeFixture();
        f.ok(
                "/v1/features.create",
                "{\"feature_id\":\"tokens2\",\"name\":\"Tokens2\",\"type\":\"metered\","
                        + "\"consumable\":true,\"event_names\":[\"api.request\"]}");
        f.ok(
                "/v1/plans.create",
                "{\"plan_id\":\"extra\",\"name\":\"Extra\",\"group\":\"other\","
                        + "\"auto_enable\":true,\"items\":[{\"feature_id\":\"tokens2\",\"included\":7}]}");
        f.customer("c1");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void eventOnTwoFeatures_deductsBoth_answersNoSingleBalance_andListsEveryFeatureInvolved() {
        JsonNode answer = f.track("{\"customer_id\":\"c1\",\"event_name\":\"api.request\",\"value\":2}");
        assertThat(answer.get("balance").isNull()).isTrue();
        assertThat(answer.get("balances").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("api_calls", "credits", "tokens2");
        assertThat(answer.path("balances").path("tokens2").path("remaining").asInt())
                .isEqualTo(5);
        assertThat(answer.path("balances").path("api_calls").path("remaining").asInt())
                .isEqualTo(98);
        assertThat(answer.get("deductions")).hasSize(2);
    }

    @Test
    void reject_pastTheBalance_is400_andCountsNothing() {
        assertError(
                f.http.post(
                        "/v1/balances.track",
                        "{\"customer_id\":\"c1\",\"feature_id\":\"api_calls\",\"value\":1000,"
                                + "\"overage_behavior\":\"reject\"}"),
                400,
                "insufficient_balance",
                "Insufficient balance to deduct 1000 from feature api_calls");
        assertThat(f.balance("c1", "api_calls").get("usage").asInt()).isZero();
        assertError(
                f.http.post(
                        "/v1/balances.track",
                        "{\"customer_id\":\"c1\",\"event_name\":\"api.request\",\"overage_behavior\":\"reject\"}"),
                400,
                "invalid_request",
                "overage_behavior \"reject\" is not supported with event_name. Use feature_id or set"
                        + " overage_behavior to \"cap\".");
    }

    @Test
    void overflow_takesTheFullValue_pastTheGrant() {
        JsonNode answer = f.track(
                "{\"customer_id\":\"c1\",\"feature_id\":\"tokens2\",\"value\":10,\"overage_behavior\":\"overflow\"}");
        JsonAssertions.assertBalance(answer.get("balance"), 7, 0, 10, null);
        assertThat(answer.path("deductions").path(0).path("value").asInt()).isEqualTo(10);
    }

    @Test
    void cap_isTheDefault_andDropsWhatCannotBeTaken() {
        JsonNode answer = f.track("{\"customer_id\":\"c1\",\"feature_id\":\"tokens2\",\"value\":10}");
        JsonAssertions.assertBalance(answer.get("balance"), 7, 0, 7, null);
    }

    @Test
    void bodyIdempotencyKey_isFreedAfterAFailure_soTheRetryCounts_once() {
        String body = "{\"customer_id\":\"late\",\"feature_id\":\"api_calls\",\"value\":3,\"idempotency_key\":\"k1\"}";
        assertThat(f.http.post("/v1/balances.track", body).status()).isEqualTo(404);
        f.customer("late");
        assertThat(f.http.post("/v1/balances.track", body).status()).isEqualTo(200);
        assertError(
                f.http.post("/v1/balances.track", body),
                409,
                "duplicate_idempotency_key",
                "Another request with idempotency key track:k1 has already been received");
        assertThat(f.balance("late", "api_calls").get("usage").asInt()).isEqualTo(3);
    }

    @Test
    void lockOnTrack_isNotModelled_andSaysWhereLocksWork() {
        SandboxHttp.Answer answer = f.http.post(
                "/v1/balances.track",
                "{\"customer_id\":\"c1\",\"feature_id\":\"api_calls\",\"lock\":{\"lock_id\":\"x\",\"enabled\":true}}");
        assertError(
                answer,
                501,
                "sandbox_not_implemented",
                "The local Autumn sandbox (a test double, not Autumn) takes locks on balances.check only, not on"
                        + " balances.track");
    }

    @Test
    void neitherOrBothOfFeatureAndEvent_isTheRefinementMessage() {
        assertError(
                f.http.post("/v1/balances.track", "{\"customer_id\":\"c1\"}"),
                400,
                "invalid_inputs",
                "input: Either feature_id or event_name must be provided");
    }
}
