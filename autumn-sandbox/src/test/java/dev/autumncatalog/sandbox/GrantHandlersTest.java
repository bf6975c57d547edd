package dev.autumncatalog.sandbox;

import static dev.autumncatalog.sandbox.JsonAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code balances.create}: the real server's refusals (asked of it, see README) and grant expiry on the clock. */
class GrantHandlersTest {
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

    private SandboxHttp.Answer grant(String fields) {
        return f.http.post("/v1/balances.create", "{\"customer_id\":\"c1\"," + fields + "}");
    }

    @Test
    void schemaRefinements_are500InvalidInputs_asTheRealServerAnswers() {
        for (String bad : new String[] {
            "\"feature_id\":\"premium\",\"included_grant\":5",
            "\"feature_id\":\"premium\",\"unlimited\":true",
            "\"feature_id\":\"api_calls\"",
            "\"feature_id\":\"api_calls\",\"included_grant\":5,\"unlimited\":true",
            "\"feature_id\":\"api_calls\",\"unlimited\":true,\"reset\":{\"interval\":\"month\"}"
        }) {
            assertError(grant(bad), 500, "invalid_inputs", "input: Invalid input");
        }
    }

    @Test
    void resetTimes_mustBeFutureAndBeforeExpiry() {
        assertError(
                grant("\"feature_id\":\"api_calls\",\"included_grant\":5,\"next_reset_at\":"
                        + (RunTimeFixture.START + 1)),
                400,
                "invalid_request",
                "next_reset_at requires a reset interval to be provided");
        assertError(
                grant("\"feature_id\":\"api_calls\",\"included_grant\":5,\"reset\":{\"interval\":\"day\"},"
                        + "\"next_reset_at\":" + RunTimeFixture.START),
                400,
                "invalid_request",
                "next_reset_at must be in the future");
        assertError(
                grant("\"feature_id\":\"api_calls\",\"included_grant\":5,\"reset\":{\"interval\":\"day\"},"
                        + "\"next_reset_at\":" + (RunTimeFixture.START + 2000) + ",\"expires_at\":"
                        + (RunTimeFixture.START + 1000)),
                400,
                "invalid_request",
                "next_reset_at (2027-01-31T10:00:02.000Z) must occur before expires_at (2027-01-31T10:00:01.000Z)");
    }

    @Test
    void booleanGrant_isAFlag_andASecondOneIs409() {
        assertThat(f.check("{\"customer_id\":\"c1\",\"feature_id\":\"premium\"}")
                        .get("allowed")
                        .asBoolean())
                .isFalse();
        assertThat(grant("\"feature_id\":\"premium\"").status()).isEqualTo(200);
        RunTimeFixture.assertJson(
                f.check("{\"customer_id\":\"c1\",\"feature_id\":\"premium\"}"),
                "{\"allowed\":true,\"customer_id\":\"c1\",\"required_balance\":1,\"balance\":null,"
                        + "\"flag\":{\"id\":\"<id>\",\"plan_id\":null,\"expires_at\":null,\"feature_id\":\"premium\"}}");
        assertError(
                grant("\"feature_id\":\"premium\""),
                409,
                "invalid_request",
                "A boolean entitlement premium already exists for customer c1");
    }

    @Test
    void grantWithExpiry_countsUntilItsExpiry_thenIsGone() {
        grant("\"feature_id\":\"api_calls\",\"included_grant\":25,\"expires_at\":" + (RunTimeFixture.START + 60_000));
        assertThat(f.balance("c1", "api_calls").get("granted").asInt()).isEqualTo(125);
        f.sandbox.clock().advance(Duration.ofMinutes(1));
        assertThat(f.balance("c1", "api_calls").get("granted").asInt()).isEqualTo(100);
    }

    @Test
    void balanceId_namesTheGrant_andIsUniquePerCustomer() {
        grant("\"feature_id\":\"api_calls\",\"included_grant\":5,\"balance_id\":\"topup-1\"");
        assertThat(f.balance("c1", "api_calls").get("breakdown").findValuesAsText("id"))
                .contains("topup-1");
        assertError(
                grant("\"feature_id\":\"api_calls\",\"included_grant\":5,\"balance_id\":\"topup-1\""),
                409,
                "invalid_request",
                "balance_id 'topup-1' is already in use for this customer");
    }

    @Test
    void entityGrantOfTheEntitysOwnFeature_isRefused() {
        f.ok("/v1/entities.create", "{\"customer_id\":\"c1\",\"entity_id\":\"u1\",\"feature_id\":\"seats\"}");
        assertError(
                grant("\"feature_id\":\"seats\",\"entity_id\":\"u1\",\"included_grant\":1"),
                400,
                "invalid_request",
                "Cannot give an entity a balance of its own feature type");
    }
}
