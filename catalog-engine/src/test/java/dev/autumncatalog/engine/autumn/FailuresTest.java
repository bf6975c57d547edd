package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.engine.autumn.Recordings.byCase;
import static dev.autumncatalog.engine.autumn.Recordings.bySeq;
import static dev.autumncatalog.engine.autumn.Responses.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Failures}: each kind of refusal becomes its typed exception, with what to do about it. */
class FailuresTest extends ClientFixture {

    @Test
    void unknownRpcMethod_401NoAuthHeader_isNotReportedAsABadKey() {
        routes.next(recorded(byCase(Recordings.ERRORS, "unknown_rpc_method")));

        assertThatThrownBy(() -> client.read(Op.post("plans.nope", null, null)))
                .isExactlyInstanceOf(AutumnApiException.class)
                .hasMessageContaining("answered 401 no_auth_header")
                .hasMessageContaining("not for a bad key")
                .hasMessageNotContaining("secret key:");
    }

    @Test
    void invalidSecretKey_isAnAuthException_withoutTheKeyPrefix() throws Exception {
        routes.on("/v1/features.list", recorded(bySeq(Recordings.EDGE_1_2, 21)));
        routes.on("/v1/plans.list", recorded(bySeq(Recordings.EDGE_1_2, 21)));

        assertThatThrownBy(client::fetchCatalog).isInstanceOfSatisfying(AutumnAuthException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.code()).isEqualTo("invalid_secret_key");
            assertThat(e.route()).isEqualTo("/v1/features.list");
            assertThat(e.autumnMessage()).isEqualTo("Invalid secret key: am_sk_test_<redacted>");
            assertThat(e.getMessage()).contains("check the secret key");
        });
        // Not retried. Both lists go at once; when the features list fails first, the plans list is cancelled,
        // possibly before it was sent, so it is asked at most once.
        List<String> lines = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            lines.add(take().getRequestLine());
        }
        assertThat(lines).containsOnlyOnce("POST /v1/features.list HTTP/1.1");
        assertThat(lines).filteredOn(line -> line.contains("plans.list")).hasSizeLessThanOrEqualTo(1);
        assertThat(lines).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void duplicates_areConflicts() {
        routes.next(recorded(byCase(Recordings.ERRORS, "duplicate_feature_id")));
        routes.next(recorded(byCase(Recordings.ERRORS, "duplicate_plan_id")));

        assertThatThrownBy(() -> client.createFeature(Catalogs.API_CALLS))
                .isInstanceOfSatisfying(AutumnConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("duplicate_feature_id");
                    assertThat(e.entityId()).isEqualTo("api_calls");
                });
        assertThatThrownBy(() -> client.createPlan(Catalogs.PRO))
                .isInstanceOfSatisfying(AutumnConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("product_already_exists");
                });
        assertThat(server.getRequestCount())
                .as("no re-read on a first-attempt duplicate")
                .isEqualTo(2);
    }

    @Test
    void plansListPoisoned_serverExceptionWithHint() {
        routes.on("/v1/features.list", recorded(byCase(Recordings.ERRORS, "features_list_final")));
        for (int i = 0; i < 5; i++) {
            routes.on("/v1/plans.list", recorded(byCase(Recordings.ERRORS, "after_poison_plans_list")));
        }

        assertThatThrownBy(client::fetchCatalog).isInstanceOfSatisfying(AutumnServerException.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.code()).isEqualTo("invalid_inputs");
            assertThat(e.getMessage()).contains("unlimited, priced item");
        });
        assertThat(server.getRequestCount())
                .as("1 + plans.list tried 1 + 4 times")
                .isEqualTo(6);
    }
}
