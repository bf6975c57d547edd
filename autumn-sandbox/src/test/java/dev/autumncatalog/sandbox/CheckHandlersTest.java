package dev.autumncatalog.sandbox;

import static dev.autumncatalog.sandbox.JsonAssert.assertError;
import static dev.autumncatalog.sandbox.JsonAssertions.assertBalance;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code balances.check} beyond what the recording shows: locks (confirm with another value, reuse, expiry), the
 * refusals of locks and {@code send_event}, and entity-scoped checks. Each case was asked of the real server (see
 * autumn-sandbox/README.md, "Asked the real server").
 */
class CheckHandlersTest {
    private RunTimeFixture f;

    @BeforeEach
    void start() {
        f = new RunTimeFixture();
        f.customer("c1");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void lock_confirmWithALowerValue_givesTheDifferenceBack() {
        f.check("{\"customer_id\":\"c1\",\"feature_id\":\"api_calls\",\"required_balance\":5,"
                + "\"lock\":{\"lock_id\":\"A1\",\"enabled\":true}}");
        assertBalance(f.balance("c1", "api_calls"), 100, 95, 5, RunTimeFixture.at("2027-02-28T10:00:00Z"));
        f.ok("/v1/balances.finalize", "{\"lock_id\":\"A1\",\"action\":\"confirm\",\"override_value\":2}");
        assertBalance(f.balance("c1", "api_calls"), 100, 98, 2, RunTimeFixture.at("2027-02-28T10:00:00Z"));
    }

    @Test
    void lock_confirmWithAHigherValue_deductsTheDifference() {
        f.check("{\"customer_id\":\"c1\",\"feature_id\":\"api_calls\",\"required_balance\":5,"
                + "\"lock\":{\"lock_id\":\"A2\",\"enabled\":true}}");
        f.ok("/v1/balances.finalize", "{\"lock_id\":\"A2\",\"action\":\"confirm\",\"override_value\":9}");
        assertThat(f.balance("c1", "api_calls").get("usage").asInt()).isEqualTo(9);
    }

    @Test
    void lock_idAlreadyHeld_is409_andDeductsNothingMore() {
        String body = "{\"customer_id\":\"c1\",\"feature_id\":\"api_calls\",\"required_balance\":5,"
                + "\"lock\":{\"lock_id\":\"A1\",\"enabled\":true}}";
        f.check(body);
        assertError(
                f.http.post("/v1/balances.check", body),
                409,
                "lock_already_exists",
                "A lock with this ID already exists");
        assertThat(f.balance("c1", "api_calls").get("usage").asInt()).isEqualTo(5);
    }

    @Test
    void lock_notAllowed_takesNoLock() {
        SandboxHttp.Answer denied = f.http.post(
                "/v1/balances.check",
                "{\"customer_id\":\"c1\",\"feature_id\":\"api_calls\",\"required_balance\":500,"
                        + "\"lock\":{\"lock_id\":\"A3\",\"enabled\":true}}");
        assertThat(denied.json().get("allowed").asBoolean()).isFalse();
        assertThat(denied.json().path("balance").path("feature_id").asText())
                .as("neither balance covers 500: the credit system answers, as recorded")
                .isEqualTo("credits");
        assertError(
                f.http.post("/v1/balances.finalize", "{\"lock_id\":\"A3\",\"action\":\"release\"}"),
                400,
                "invalid_request",
                "Lock not found for ID: A3");
    }

    @Test
    void lock_pastItsExpiry_isReleased_andCannotBeFinalized() {
        long expiresAt = RunTimeFixture.START + 60_000;
        f.check("{\"customer_id\":\"c1\",\"feature_id\":\"api_calls\",\"required_balance\":10,"
                + "\"lock\":{\"lock_id\":\"E1\",\"enabled\":true,\"expires_at\":" + expiresAt + "}}");
        assertThat(f.balance("c1", "api_calls").get("remaining").asInt()).isEqualTo(90);
        f.sandbox.clock().advance(Duration.ofMinutes(2));
        assertThat(f.balance("c1", "api_calls").get("remaining").asInt()).isEqualTo(100);
        assertError(
                f.http.post("/v1/balances.finalize", "{\"lock_id\":\"E1\",\"action\":\"confirm\"}"),
                400,
                "invalid_request",
                "Lock not found for ID: E1");
    }

    @Test
    void finalize_releaseWithAValue_isAnInputError() {
        assertError(
                f.http.post(
                        "/v1/balances.finalize", "{\"lock_id\":\"A3\",\"action\":\"release\",\"override_value\":1}"),
                400,
                "invalid_inputs",
                "override_value: override_value cannot be provided when action is release");
        assertError(
                f.http.post("/v1/balances.finalize", "{\"lock_id\":\"A3\",\"action\":\"keep\"}"),
                400,
                "invalid_inputs",
                "action: must be one of: confirm, release");
    }

    @Test
    void lockOnAContinuousUseFeature_andSendEventOnABoolean_areRefused() {
        assertError(
                f.http.post(
                        "/v1/balances.check",
                        "{\"customer_id\":\"c1\",\"feature_id\":\"seats\",\"lock\":{\"lock_id\":\"S1\","
                                + "\"enabled\":true}}"),
                400,
                "invalid_request",
                "Lock is not supported for allocated features");
        assertError(
                f.http.post(
                        "/v1/balances.check", "{\"customer_id\":\"c1\",\"feature_id\":\"sso\",\"send_event\":true}"),
                400,
                "invalid_request",
                "send_event cannot be used with boolean features, which are flags rather than usage-tracked.");
    }

    @Test
    void featureOnlyPricedByCredits_answersInCredits_withTheRequiredBalanceConverted() {
        RunTimeFixture.assertJson(f.check("{\"customer_id\":\"c1\",\"feature_id\":\"ai_tokens\"}"), """
                {"allowed":true,"customer_id":"c1","required_balance":0.01,"flag":null,
                 "balance":{"feature_id":"credits","granted":50,"remaining":50,"usage":0,"unlimited":false,
                   "overage_allowed":false,"max_purchase":null,"next_reset_at":%d,
                   "breakdown":[{"id":"<id>","plan_id":"free","included_grant":50,"prepaid_grant":0,"remaining":50,
                     "usage":0,"unlimited":false,"reset":{"interval":"month","resets_at":%d},"price":null,
                     "expires_at":null}]}}
                """.formatted(
                        RunTimeFixture.at("2027-02-28T10:00:00Z"), RunTimeFixture.at("2027-02-28T10:00:00Z")));
    }

    @Test
    void unknownEntity_is404_andProductChecksAreNotModelled() {
        f.ok("/v1/entities.create", "{\"customer_id\":\"c1\",\"entity_id\":\"u1\",\"feature_id\":\"seats\"}");
        assertError(
                f.http.post(
                        "/v1/balances.check",
                        "{\"customer_id\":\"c1\",\"feature_id\":\"api_calls\",\"entity_id\":\"nope\"}"),
                404,
                "entity_not_found",
                "Entity nope not found");
        assertThat(f.http.post("/v1/balances.check", "{\"customer_id\":\"c1\",\"product_id\":\"free\"}")
                        .code())
                .isEqualTo("sandbox_not_implemented");
    }

    @Test
    void sendEventWithAnEntity_drawsTheCustomerLevelBalance_theEntitySees() {
        f.ok("/v1/entities.create", "{\"customer_id\":\"c1\",\"entity_id\":\"u1\",\"feature_id\":\"seats\"}");
        f.check("{\"customer_id\":\"c1\",\"entity_id\":\"u1\",\"feature_id\":\"api_calls\",\"required_balance\":2,"
                + "\"send_event\":true}");
        assertThat(f.balance("c1", "api_calls").get("remaining").asInt()).isEqualTo(98);
    }
}
