package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.engine.autumn.Recordings.RPC;
import static dev.autumncatalog.engine.autumn.Recordings.byCase;
import static dev.autumncatalog.engine.autumn.Responses.body;
import static dev.autumncatalog.engine.autumn.Responses.error;
import static dev.autumncatalog.engine.autumn.Responses.ok;
import static dev.autumncatalog.engine.autumn.Responses.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** {@link WriteCheck}: an ambiguous write is re-read before it is repeated, never blindly resent. */
class WriteCheckTest extends ClientFixture {

    @Test
    void create_503_reReadFindsNothing_resendsWithTheSameIdempotencyKey() throws Exception {
        routes.next(error(503, "internal_error", "busy"));
        routes.next(error(404, "product_not_found", "Product pro not found"));
        routes.next(ok(find(createdRich().get("plans"), "pro")));

        RemotePlan created = client.createPlan(Catalogs.PRO);

        RecordedRequest first = take();
        RecordedRequest reRead = take();
        RecordedRequest second = take();
        assertThat(reRead.getRequestLine()).isEqualTo("POST /v1/plans.get HTTP/1.1");
        assertJson(body(reRead), "{\"plan_id\": \"pro\"}");
        assertThat(second.getRequestLine()).isEqualTo("POST /v1/plans.create HTTP/1.1");
        assertThat(second.getHeaders().get("Idempotency-Key"))
                .isEqualTo(first.getHeaders().get("Idempotency-Key"))
                .isNotNull();
        assertThat(body(second)).isEqualTo(body(first));
        assertThat(WriteCheck.equivalent(Catalogs.PRO, created.model())).isTrue();
    }

    @Test
    void create_noAnswer_reReadFindsItAsSent_returnsItWithoutResending() throws Exception {
        routes.next(Responses.reset());
        routes.next(ok(find(createdRich().get("plans"), "pro")));

        RemotePlan created = client.createPlan(Catalogs.PRO);

        assertThat(server.getRequestCount()).isEqualTo(2);
        take();
        assertThat(take().getRequestLine()).isEqualTo("POST /v1/plans.get HTTP/1.1");
        assertThat(created.id()).isEqualTo("pro");
        assertThat(WriteCheck.equivalent(Catalogs.PRO, created.model())).isTrue();
    }

    @Test
    void create_noAnswer_retryHitsDuplicateIdempotencyKey_reReadsAndReturnsIt() throws Exception {
        routes.next(Responses.reset());
        routes.next(error(404, "feature_not_found", "Feature sso not found")); // still in flight
        routes.next(error(409, "duplicate_idempotency_key", "Another request with idempotency key"));
        routes.next(ok(Json.parse(
                "{\"id\":\"sso\",\"name\":\"SSO\",\"type\":\"boolean\",\"consumable\":false,\"event_names\":[],"
                        + "\"archived\":false}")));

        RemoteFeature created = client.createFeature(Catalogs.SSO);

        assertThat(created.model()).isEqualTo(Catalogs.SSO);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lines.add(take().getRequestLine());
        }
        assertThat(lines)
                .containsExactly(
                        "POST /v1/features.create HTTP/1.1",
                        "POST /v1/features.get HTTP/1.1",
                        "POST /v1/features.create HTTP/1.1",
                        "POST /v1/features.get HTTP/1.1");
    }

    @Test
    void create_noAnswer_reReadFindsSomethingElse_conflict() {
        routes.next(Responses.reset());
        // What a half-applied create leaves behind (40 item_negative_included: the plan remains with no items).
        routes.next(ok(Json.parse("{\"id\":\"pro\",\"name\":\"Pro\",\"items\":[],\"archived\":false}")));

        assertThatThrownBy(() -> client.createPlan(Catalogs.PRO))
                .isInstanceOfSatisfying(AutumnConflictException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.getMessage())
                            .contains("after an unanswered create, Autumn holds 'pro' but not as sent");
                });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void create_retryRefusedWithoutACode_isAutumnsError_notANullPointer() {
        // Found by the fault matrix: the retry's refusal had no readable code and Set.of(...).contains(null) threw.
        routes.next(error(503, "internal_error", "busy"));
        routes.next(error(404, "product_not_found", "Product pro not found"));
        routes.next(Responses.json(409, "{\"message\":\"Another request with idem"));

        assertThatThrownBy(() -> client.createPlan(Catalogs.PRO))
                .isInstanceOfSatisfying(AutumnConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isNull();
                    assertThat(e.getMessage())
                            .isEqualTo("POST /v1/plans.create (pro) answered 409: {\"message\":\"Another request with"
                                    + " idem");
                });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void update_503_reReadShowsItApplied_noSecondUpdate() throws Exception {
        routes.next(error(503, "internal_error", "busy"));
        routes.next(ok(find(createdRich().get("plans"), "pro")));

        RemotePlan updated = client.updatePlan(Catalogs.PRO, false, VersionChoice.CREATE_VERSION);

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(updated.id()).isEqualTo("pro");
    }

    @Test
    void update_503_reReadShowsItDidNotApply_updatesAgain() throws Exception {
        routes.next(error(503, "internal_error", "busy"));
        routes.next(recorded(byCase(RPC, "plans_get"))); // the old pro
        routes.next(ok(find(createdRich().get("plans"), "pro")));

        client.updatePlan(Catalogs.PRO, false, VersionChoice.CREATE_VERSION);

        assertThat(take().getRequestLine()).isEqualTo("POST /v1/plans.update HTTP/1.1");
        assertThat(take().getRequestLine()).isEqualTo("POST /v1/plans.get HTTP/1.1");
        assertThat(take().getRequestLine()).isEqualTo("POST /v1/plans.update HTTP/1.1");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void delete_noAnswer_reReadSays404_done() throws Exception {
        routes.next(Responses.reset());
        routes.next(recorded(byCase(RPC, "plans_get_old_id_after_rename")));

        client.deletePlan("lifetime");

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void delete_503_stillThere_retryAnswers404_done() throws Exception {
        routes.next(error(503, "internal_error", "busy"));
        routes.next(recorded(byCase(RPC, "features_get")));
        routes.next(recorded(byCase(RPC, "features_delete_unknown")));

        client.deleteFeature("api_calls");

        assertThat(server.getRequestCount()).isEqualTo(3);
    }
}
