package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.engine.autumn.Recordings.RICH;
import static dev.autumncatalog.engine.autumn.Recordings.RPC;
import static dev.autumncatalog.engine.autumn.Recordings.SEED;
import static dev.autumncatalog.engine.autumn.Recordings.VERSIONING;
import static dev.autumncatalog.engine.autumn.Recordings.byCase;
import static dev.autumncatalog.engine.autumn.Responses.body;
import static dev.autumncatalog.engine.autumn.Responses.ok;
import static dev.autumncatalog.engine.autumn.Responses.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** What {@link AutumnHttpClient} sends and makes of the answers: each route, its body and headers. */
class AutumnHttpClientTest extends ClientFixture {

    @Test
    void warmUp_buildsAndClosesAClient_withoutAKeyOrARequest() {
        // The engine runs it beside every plan and push and drops what it throws: a failure here would only show as a
        // slower start, so it is caught here instead.
        AutumnHttpClient.warmUp();
        AutumnHttpClient.warmUp();
    }

    @Test
    void fetchCatalog_exactlyTwoRequests_archivedFeaturesListedAndLatestPlanVersions() throws Exception {
        // 30: seats archived while a plan uses it; free has a v2 (plans.list shows the latest only).
        routes.on("/v1/features.list", recorded(byCase(VERSIONING, "features_list_after_archive_used")));
        routes.on("/v1/plans.list", recorded(byCase(VERSIONING, "plans_list_after_version")));

        RemoteCatalog catalog = client.fetchCatalog();

        // Sent at once, so in either order.
        List<RecordedRequest> sent = List.of(take(), take());
        RecordedRequest features =
                sent.get(0).getUrl().encodedPath().endsWith("features.list") ? sent.get(0) : sent.get(1);
        RecordedRequest plans = features == sent.get(0) ? sent.get(1) : sent.get(0);
        assertThat(features.getRequestLine()).isEqualTo("POST /v1/features.list HTTP/1.1");
        assertHeaders(features, false);
        assertJson(body(features), "{}");
        assertThat(plans.getRequestLine()).isEqualTo("POST /v1/plans.list HTTP/1.1");
        assertHeaders(plans, false);
        assertJson(body(plans), "{\"include_archived\": true, \"all_versions\": false}");
        assertThat(server.getRequestCount()).isEqualTo(2);

        assertThat(catalog.features()).extracting(RemoteFeature::id).containsExactly("api_calls", "sso", "seats");
        assertThat(catalog.feature("seats").orElseThrow().archived()).isTrue();
        assertThat(catalog.plans()).extracting(RemotePlan::id).containsExactly("starter", "free", "pro");
        RemotePlan free = catalog.plan("free").orElseThrow();
        assertThat(free.version()).isEqualTo(2);
        assertThat(free.model().items()).hasSize(2);
        assertThat(free.unsupported()).isEmpty();
    }

    @Test
    void fetchCatalog_recordedRpcCatalog_everyPlanMapped() {
        routes.on("/v1/features.list", recorded(byCase(RPC, "features_list_final")));
        routes.on("/v1/plans.list", recorded(byCase(RPC, "plans_list_final")));

        RemoteCatalog catalog = client.fetchCatalog();

        assertThat(catalog.plans())
                .isNotEmpty()
                .allSatisfy(plan -> assertThat(plan.model()).as(plan.id()).isNotNull());
        RemoteFeature calls = catalog.feature("api_calls").orElseThrow();
        // atmn's event names are said by the DSL now
        assertThat(calls.unsupported()).isEmpty();
        assertThat(calls.model().eventNames()).containsExactly("api_call");
    }

    @Test
    void featureUsage_getsDeletionInfo() throws Exception {
        routes.next(recorded(byCase(Recordings.REST, "rest_feature_deletion_info")));

        FeatureUsage usage = client.featureUsage("api_calls");

        RecordedRequest request = take();
        assertThat(request.getRequestLine()).isEqualTo("GET /v1/features/api_calls/deletion_info HTTP/1.1");
        assertHeaders(request, false);
        assertThat(usage).isEqualTo(new FeatureUsage("Free", 5));
        assertThat(usage.unused()).isFalse();
    }

    @Test
    void planHasCustomers_totalCountIsAString() throws Exception {
        routes.next(recorded(byCase(VERSIONING, "rest_deletion_info")));

        assertThat(client.planHasCustomers("free")).isTrue();

        assertThat(take().getRequestLine()).isEqualTo("GET /v1/products/free/deletion_info HTTP/1.1");
    }

    @Test
    void deletionInfo_countsParsedLeniently() {
        routes.next(ok(Json.parse("{\"numVersion\": 1, \"hasCusProducts\": false, \"totalCount\": \"0\"}")));
        routes.next(recorded(byCase(RPC, "features_get"))); // not a deletion_info at all
        routes.next(ok(Json.parse("{\"productName\": null, \"totalCount\": \"3\"}")));

        assertThat(client.planHasCustomers("free")).isFalse();
        assertThatThrownBy(() -> client.planHasCustomers("free")).isInstanceOf(AutumnApiException.class);
        assertThat(client.featureUsage("seats")).isEqualTo(new FeatureUsage(null, 3));
    }

    @Test
    void planCustomers_sendsThePlanToHasCustomers() throws Exception {
        routes.next(recorded(byCase(VERSIONING, "plans_has_customers_changed_items")));

        PlanCustomers answer = client.planCustomers(Catalogs.FREE);

        RecordedRequest request = take();
        assertThat(request.getRequestLine()).isEqualTo("POST /v1/plans.has_customers HTTP/1.1");
        assertJson(body(request), WireMapper.planCustomersBody(Catalogs.FREE).toString());
        assertThat(answer).isEqualTo(new PlanCustomers(1, true, false));
    }

    @Test
    void createSeedAndRichCatalogs_bodiesAreWhatAtmnSentModuloServerDefaults() throws Exception {
        for (String file : List.of(SEED, RICH)) {
            Recordings.Exchange update = Recordings.load(file).stream()
                    .filter(e -> e.path().equals("/v1/catalog.update"))
                    .findFirst()
                    .orElseThrow();
            dev.autumncatalog.dsl.Catalog catalog = file.equals(SEED) ? Catalogs.SEED : Catalogs.RICH;
            Map<String, Feature> lookup = WireMapper.featureLookup(catalog.features());
            for (Feature feature : catalog.features()) {
                routes.next(ok(find(update.responseBody().get("features"), feature.id())));
                RemoteFeature created = client.createFeature(feature);
                RecordedRequest request = take();
                assertThat(request.getRequestLine()).isEqualTo("POST /v1/features.create HTTP/1.1");
                assertHeaders(request, true);
                assertJson(body(request), WireMapper.featureCreateBody(feature).toString());
                assertThat(ServerDefaults.feature(body(request)))
                        .isEqualTo(
                                ServerDefaults.feature(find(update.requestBody().get("features"), feature.id())));
                assertThat(created.model()).isEqualTo(feature);
                assertThat(created.unsupported()).isEmpty();
            }
            for (Product product : catalog.products()) {
                routes.next(ok(find(update.responseBody().get("plans"), product.id())));
                RemotePlan created = client.createPlan(product);
                RecordedRequest request = take();
                assertThat(request.getRequestLine()).isEqualTo("POST /v1/plans.create HTTP/1.1");
                assertHeaders(request, true);
                assertJson(body(request), WireMapper.planCreateBody(product).toString());
                assertThat(ServerDefaults.plan(body(request), lookup))
                        .as(product.id())
                        .isEqualTo(ServerDefaults.plan(find(update.requestBody().get("plans"), product.id()), lookup));
                assertThat(WriteCheck.equivalent(product, created.model()))
                        .as(product.id())
                        .isTrue();
            }
        }
    }

    @Test
    void updatePlan_alwaysSendsArchivedPriceAndItems_emptyStringsForNone() throws Exception {
        Product bare = dev.autumncatalog.dsl.Autumn.product("minimal").name("Minimal Plan");
        routes.next(recorded(byCase(RPC, "plans_update_name_only_on_archived")));

        RemotePlan updated = client.updatePlan(bare, true, VersionChoice.CREATE_VERSION);

        RecordedRequest request = take();
        assertThat(request.getRequestLine()).isEqualTo("POST /v1/plans.update HTTP/1.1");
        assertHeaders(request, false);
        assertJson(body(request), """
                {"plan_id": "minimal", "name": "Minimal Plan", "description": "", "group": "", "add_on": false,
                 "auto_enable": false, "price": null, "items": [], "free_trial": null, "archived": true}""");
        // The recorded answer is the un-archive that an update without "archived" caused (20 #55).
        assertThat(updated.archived()).isFalse();
    }

    @Test
    void updatePlan_inPlace_sendsDisableVersion() throws Exception {
        routes.next(recorded(byCase(VERSIONING, "plans_update_disable_version")));

        client.updatePlan(Catalogs.FREE, false, VersionChoice.UPDATE_IN_PLACE);

        JsonNode sent = body(take());
        assertThat(sent.get("disable_version").booleanValue()).isTrue();
        assertThat(sent.get("archived").booleanValue()).isFalse();
        assertThat(sent.has("price")).isTrue();
        assertThat(sent.has("items")).isTrue();
    }

    @Test
    void archivePlan_sendsOnlyTheFlag_andResolvesFeaturesWithOneList() throws Exception {
        routes.next(recorded(byCase(RPC, "plans_update_archive")));
        routes.next(recorded(byCase(RPC, "features_list")));

        RemotePlan archived = client.archivePlan("lifetime", true);

        assertJson(body(take()), "{\"plan_id\": \"lifetime\", \"archived\": true}");
        assertThat(take().getRequestLine())
                .as("the answer names features this client has not seen")
                .isEqualTo("POST /v1/features.list HTTP/1.1");
        assertThat(archived.archived()).isTrue();
        assertThat(archived.model()).isNotNull();
        assertThat(archived.unsupported()).isEmpty();
    }

    @Test
    void archiveAndUnarchiveFeature_sendOnlyTheFlag() throws Exception {
        routes.next(recorded(byCase(RPC, "features_update_archive")));
        routes.next(recorded(byCase(RPC, "features_update_unarchive")));

        assertThat(client.archiveFeature("legacy_flag", true).archived()).isTrue();
        assertThat(client.archiveFeature("legacy_flag", false).archived()).isFalse();

        assertJson(body(take()), "{\"feature_id\": \"legacy_flag\", \"archived\": true}");
        assertJson(body(take()), "{\"feature_id\": \"legacy_flag\", \"archived\": false}");
    }

    @Test
    void updateFeature_sendsEveryFieldAndArchived() throws Exception {
        routes.next(ok(Json.parse(
                "{\"id\":\"seats\",\"name\":\"Seats\",\"type\":\"metered\",\"consumable\":false,\"event_names\":[],"
                        + "\"archived\":true}")));

        RemoteFeature updated = client.updateFeature(Catalogs.SEATS, true);

        assertJson(
                body(take()),
                "{\"feature_id\":\"seats\",\"name\":\"Seats\",\"type\":\"metered\",\"consumable\":false,"
                        + "\"event_names\":[],\"archived\":true}");
        assertThat(updated.model()).isEqualTo(Catalogs.SEATS.archived());
        assertThat(updated.archived()).isTrue();
    }

    @Test
    void deletes_planAllVersions_featureById() throws Exception {
        routes.next(recorded(byCase(RPC, "plans_delete_all_versions")));
        routes.next(recorded(byCase(RPC, "features_delete_unused")));

        client.deletePlan("minimal");
        client.deleteFeature("legacy_flag");

        RecordedRequest plan = take();
        assertThat(plan.getRequestLine()).isEqualTo("POST /v1/plans.delete HTTP/1.1");
        assertJson(body(plan), "{\"plan_id\": \"minimal\", \"all_versions\": true}");
        RecordedRequest feature = take();
        assertThat(feature.getRequestLine()).isEqualTo("POST /v1/features.delete HTTP/1.1");
        assertJson(body(feature), "{\"feature_id\": \"legacy_flag\"}");
    }
}
