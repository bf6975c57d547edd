package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.engine.autumn.Recordings.RICH;
import static dev.autumncatalog.engine.autumn.Recordings.RPC;
import static dev.autumncatalog.engine.autumn.Recordings.SEED;
import static dev.autumncatalog.engine.autumn.Recordings.VERSIONING;
import static dev.autumncatalog.engine.autumn.Recordings.byCase;
import static dev.autumncatalog.engine.autumn.Recordings.bySeq;
import static dev.autumncatalog.engine.autumn.Responses.KEY;
import static dev.autumncatalog.engine.autumn.Responses.body;
import static dev.autumncatalog.engine.autumn.Responses.error;
import static dev.autumncatalog.engine.autumn.Responses.ok;
import static dev.autumncatalog.engine.autumn.Responses.recorded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests, answers, traps and the write policy of {@link AutumnHttpClient}, against MockWebServer on 127.0.0.1. */
class AutumnHttpClientTest {
    private MockWebServer server;
    private FakeClock clock;
    private Responses.Events events;
    private AutumnHttpClient client;
    private final AtomicInteger keys = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = Loopback.start();
        clock = new FakeClock();
        events = new Responses.Events();
        client = new AutumnHttpClient(config().build(), () -> "idem-" + keys.incrementAndGet());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private AutumnClientConfig.Builder config() {
        return AutumnClientConfig.builder()
                .baseUrl(server.url("/v1").toString())
                .secretKey(KEY)
                .clock(clock)
                .listener(events)
                .jitter(() -> 0.5);
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    private static void assertJson(JsonNode actual, String expected) {
        assertThat(Json.canonical(actual)).isEqualTo(Json.canonical(Json.parse(expected)));
    }

    private static void assertHeaders(RecordedRequest request, boolean idempotent) {
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.getHeaders().get("X-API-Version")).isEqualTo("2.3.0");
        assertThat(request.getHeaders().get("User-Agent")).matches("autumn-catalog/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        if (request.getMethod().equals("POST")) {
            assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        }
        if (idempotent) {
            assertThat(request.getHeaders().get("Idempotency-Key")).startsWith("idem-");
        } else {
            assertThat(request.getHeaders().get("Idempotency-Key")).isNull();
        }
    }

    // ------------------------------------------------------------------ reads

    @Test
    void fetchCatalog_exactlyTwoRequests_archivedFeaturesListedAndLatestPlanVersions() throws Exception {
        // 30: seats archived while a plan uses it; free has a v2 (plans.list shows the latest only).
        server.enqueue(recorded(byCase(VERSIONING, "features_list_after_archive_used")));
        server.enqueue(recorded(byCase(VERSIONING, "plans_list_after_version")));

        RemoteCatalog catalog = client.fetchCatalog();

        RecordedRequest features = take();
        assertThat(features.getRequestLine()).isEqualTo("POST /v1/features.list HTTP/1.1");
        assertHeaders(features, false);
        assertJson(body(features), "{}");
        RecordedRequest plans = take();
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
        server.enqueue(recorded(byCase(RPC, "features_list_final")));
        server.enqueue(recorded(byCase(RPC, "plans_list_final")));

        RemoteCatalog catalog = client.fetchCatalog();

        assertThat(catalog.plans())
                .isNotEmpty()
                .allSatisfy(plan -> assertThat(plan.model()).as(plan.id()).isNotNull());
        RemoteFeature calls = catalog.feature("api_calls").orElseThrow();
        assertThat(calls.unsupported())
                .containsExactly("event names [api_call] (the DSL tracks usage by feature id only)");
    }

    @Test
    void featureUsage_getsDeletionInfo() throws Exception {
        server.enqueue(recorded(byCase(Recordings.REST, "rest_feature_deletion_info")));

        FeatureUsage usage = client.featureUsage("api_calls");

        RecordedRequest request = take();
        assertThat(request.getRequestLine()).isEqualTo("GET /v1/features/api_calls/deletion_info HTTP/1.1");
        assertHeaders(request, false);
        assertThat(usage).isEqualTo(new FeatureUsage("Free", 5));
        assertThat(usage.unused()).isFalse();
    }

    @Test
    void planHasCustomers_totalCountIsAString() throws Exception {
        server.enqueue(recorded(byCase(VERSIONING, "rest_deletion_info")));

        assertThat(client.planHasCustomers("free")).isTrue();

        assertThat(take().getRequestLine()).isEqualTo("GET /v1/products/free/deletion_info HTTP/1.1");
    }

    @Test
    void deletionInfo_countsParsedLeniently() {
        server.enqueue(ok(Json.parse("{\"numVersion\": 1, \"hasCusProducts\": false, \"totalCount\": \"0\"}")));
        server.enqueue(recorded(byCase(RPC, "features_get"))); // not a deletion_info at all
        server.enqueue(ok(Json.parse("{\"productName\": null, \"totalCount\": \"3\"}")));

        assertThat(client.planHasCustomers("free")).isFalse();
        assertThatThrownBy(() -> client.planHasCustomers("free")).isInstanceOf(AutumnApiException.class);
        assertThat(client.featureUsage("seats")).isEqualTo(new FeatureUsage(null, 3));
    }

    @Test
    void planCustomers_sendsThePlanToHasCustomers() throws Exception {
        server.enqueue(recorded(byCase(VERSIONING, "plans_has_customers_changed_items")));

        PlanCustomers answer = client.planCustomers(Catalogs.FREE);

        RecordedRequest request = take();
        assertThat(request.getRequestLine()).isEqualTo("POST /v1/plans.has_customers HTTP/1.1");
        assertJson(body(request), WireMapper.planCustomersBody(Catalogs.FREE).toString());
        assertThat(answer).isEqualTo(new PlanCustomers(1, true, false));
    }

    // ------------------------------------------------------------------ writes: bodies

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
                server.enqueue(ok(find(update.responseBody().get("features"), feature.id())));
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
                server.enqueue(ok(find(update.responseBody().get("plans"), product.id())));
                RemotePlan created = client.createPlan(product);
                RecordedRequest request = take();
                assertThat(request.getRequestLine()).isEqualTo("POST /v1/plans.create HTTP/1.1");
                assertHeaders(request, true);
                assertJson(body(request), WireMapper.planCreateBody(product).toString());
                assertThat(ServerDefaults.plan(body(request), lookup))
                        .as(product.id())
                        .isEqualTo(ServerDefaults.plan(find(update.requestBody().get("plans"), product.id()), lookup));
                assertThat(AutumnHttpClient.equivalent(product, created.model()))
                        .as(product.id())
                        .isTrue();
            }
        }
    }

    @Test
    void updatePlan_alwaysSendsArchivedPriceAndItems_emptyStringsForNone() throws Exception {
        Product bare = dev.autumncatalog.dsl.Autumn.product("minimal").name("Minimal Plan");
        server.enqueue(recorded(byCase(RPC, "plans_update_name_only_on_archived")));

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
        server.enqueue(recorded(byCase(VERSIONING, "plans_update_disable_version")));

        client.updatePlan(Catalogs.FREE, false, VersionChoice.UPDATE_IN_PLACE);

        JsonNode sent = body(take());
        assertThat(sent.get("disable_version").booleanValue()).isTrue();
        assertThat(sent.get("archived").booleanValue()).isFalse();
        assertThat(sent.has("price")).isTrue();
        assertThat(sent.has("items")).isTrue();
    }

    @Test
    void archivePlan_sendsOnlyTheFlag_andResolvesFeaturesWithOneList() throws Exception {
        server.enqueue(recorded(byCase(RPC, "plans_update_archive")));
        server.enqueue(recorded(byCase(RPC, "features_list")));

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
        server.enqueue(recorded(byCase(RPC, "features_update_archive")));
        server.enqueue(recorded(byCase(RPC, "features_update_unarchive")));

        assertThat(client.archiveFeature("legacy_flag", true).archived()).isTrue();
        assertThat(client.archiveFeature("legacy_flag", false).archived()).isFalse();

        assertJson(body(take()), "{\"feature_id\": \"legacy_flag\", \"archived\": true}");
        assertJson(body(take()), "{\"feature_id\": \"legacy_flag\", \"archived\": false}");
    }

    @Test
    void updateFeature_sendsEveryFieldAndArchived() throws Exception {
        server.enqueue(ok(Json.parse(
                "{\"id\":\"seats\",\"name\":\"Seats\",\"type\":\"metered\",\"consumable\":false,\"event_names\":[],"
                        + "\"archived\":true}")));

        RemoteFeature updated = client.updateFeature(Catalogs.SEATS, true);

        assertJson(
                body(take()),
                "{\"feature_id\":\"seats\",\"name\":\"Seats\",\"type\":\"metered\",\"consumable\":false,"
                        + "\"archived\":true}");
        assertThat(updated.model()).isEqualTo(Catalogs.SEATS);
        assertThat(updated.archived()).isTrue();
    }

    @Test
    void deletes_planAllVersions_featureById() throws Exception {
        server.enqueue(recorded(byCase(RPC, "plans_delete_all_versions")));
        server.enqueue(recorded(byCase(RPC, "features_delete_unused")));

        client.deletePlan("minimal");
        client.deleteFeature("legacy_flag");

        RecordedRequest plan = take();
        assertThat(plan.getRequestLine()).isEqualTo("POST /v1/plans.delete HTTP/1.1");
        assertJson(body(plan), "{\"plan_id\": \"minimal\", \"all_versions\": true}");
        RecordedRequest feature = take();
        assertThat(feature.getRequestLine()).isEqualTo("POST /v1/features.delete HTTP/1.1");
        assertJson(body(feature), "{\"feature_id\": \"legacy_flag\"}");
    }

    // ------------------------------------------------------------------ errors

    @Test
    void unknownRpcMethod_401NoAuthHeader_isNotReportedAsABadKey() {
        server.enqueue(recorded(byCase(Recordings.ERRORS, "unknown_rpc_method")));

        assertThatThrownBy(() -> client.read(AutumnHttpClient.Op.post("plans.nope", null, null)))
                .isExactlyInstanceOf(AutumnApiException.class)
                .hasMessageContaining("answered 401 no_auth_header")
                .hasMessageContaining("not for a bad key")
                .hasMessageNotContaining("secret key:");
    }

    @Test
    void invalidSecretKey_isAnAuthException_withoutTheKeyPrefix() {
        server.enqueue(recorded(bySeq(Recordings.EDGE_1_2, 21)));

        assertThatThrownBy(client::fetchCatalog).isInstanceOfSatisfying(AutumnAuthException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.code()).isEqualTo("invalid_secret_key");
            assertThat(e.route()).isEqualTo("/v1/features.list");
            assertThat(e.autumnMessage()).isEqualTo("Invalid secret key: am_sk_test_<redacted>");
            assertThat(e.getMessage()).contains("check the secret key");
        });
        assertThat(server.getRequestCount()).as("not retried").isEqualTo(1);
    }

    @Test
    void duplicates_areConflicts() {
        server.enqueue(recorded(byCase(Recordings.ERRORS, "duplicate_feature_id")));
        server.enqueue(recorded(byCase(Recordings.ERRORS, "duplicate_plan_id")));

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
        for (int i = 0; i <= 4; i++) {
            server.enqueue(
                    recorded(byCase(Recordings.ERRORS, i == 0 ? "features_list_final" : "after_poison_plans_list")));
        }
        server.enqueue(recorded(byCase(Recordings.ERRORS, "after_poison_plans_list")));

        assertThatThrownBy(client::fetchCatalog).isInstanceOfSatisfying(AutumnServerException.class, e -> {
            assertThat(e.status()).isEqualTo(500);
            assertThat(e.code()).isEqualTo("invalid_inputs");
            assertThat(e.getMessage()).contains("unlimited, priced item");
        });
        assertThat(server.getRequestCount())
                .as("1 + plans.list tried 1 + 4 times")
                .isEqualTo(6);
    }

    // ------------------------------------------------------------------ retries

    @Test
    void read_429_honoursRetryAfter() throws Exception {
        server.enqueue(Responses.tooMany(3));
        server.enqueue(recorded(byCase(Recordings.REST, "rest_feature_deletion_info")));

        assertThat(client.featureUsage("api_calls").planItemCount()).isEqualTo(5);

        assertThat(clock.sleeps()).contains(Duration.ofSeconds(3));
        assertThat(events.retries()).singleElement().satisfies(retry -> {
            assertThat(retry.reason()).isEqualTo("429");
            assertThat(retry.delay()).isEqualTo(Duration.ofSeconds(3));
        });
    }

    @Test
    void read_429_retryAfterTooLong_failsAtOnce() {
        server.enqueue(Responses.tooMany(3600));

        assertThatThrownBy(() -> client.featureUsage("api_calls"))
                .isInstanceOfSatisfying(AutumnRateLimitException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.code()).isNull();
                    assertThat(e.autumnMessage()).isEqualTo("Too many requests, please try again later.");
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void read_503ThenReset_retriedWithGrowingJitteredBackoff() throws Exception {
        server.enqueue(error(503, "internal_error", "busy"));
        server.enqueue(Responses.reset());
        server.enqueue(recorded(byCase(Recordings.REST, "rest_feature_deletion_info")));

        assertThat(client.featureUsage("api_calls").productName()).isEqualTo("Free");

        assertThat(server.getRequestCount()).isEqualTo(3);
        // equal jitter at 0.5: 500 ms → 375 ms, 1 s → 750 ms
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(375), Duration.ofMillis(750));
        assertThat(events.retries())
                .extracting(ClientListener.RetryEvent::reason)
                .first()
                .isEqualTo("503 internal_error");
        assertThat(events.retries().get(1).reason()).startsWith("I/O: ");
    }

    @Test
    void read_retriesExhausted_serverException() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(error(502, "internal_error", "bad gateway"));
        }

        assertThatThrownBy(() -> client.planHasCustomers("pro"))
                .isInstanceOfSatisfying(AutumnServerException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.entityId()).isEqualTo("pro");
                    assertThat(e.route()).isEqualTo("/v1/products/pro/deletion_info");
                });
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void read_connectionRefused_transportException() throws Exception {
        int port = server.getPort();
        server.close();
        AutumnHttpClient offline = new AutumnHttpClient(config().baseUrl("http://127.0.0.1:" + port + "/v1")
                .maxRetries(1)
                .build());

        assertThatThrownBy(offline::fetchCatalog).isInstanceOfSatisfying(AutumnTransportException.class, e -> {
            assertThat(e.status()).isZero();
            assertThat(e.getMessage()).contains("failed without an answer");
        });
        offline.close();
    }

    @Test
    void backoff_capsAtMax() {
        assertThat(client.backoff(1)).isEqualTo(Duration.ofMillis(375));
        assertThat(client.backoff(2)).isEqualTo(Duration.ofMillis(750));
        assertThat(client.backoff(3)).isEqualTo(Duration.ofMillis(1500));
        assertThat(client.backoff(20)).isEqualTo(Duration.ofMillis(22_500));
        assertThat(client.backoff(100)).isEqualTo(Duration.ofMillis(22_500));
    }

    @Test
    void create_503_reReadFindsNothing_resendsWithTheSameIdempotencyKey() throws Exception {
        server.enqueue(error(503, "internal_error", "busy"));
        server.enqueue(error(404, "product_not_found", "Product pro not found"));
        server.enqueue(ok(find(createdRich().get("plans"), "pro")));

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
        assertThat(AutumnHttpClient.equivalent(Catalogs.PRO, created.model())).isTrue();
    }

    @Test
    void create_noAnswer_reReadFindsItAsSent_returnsItWithoutResending() throws Exception {
        server.enqueue(Responses.reset());
        server.enqueue(ok(find(createdRich().get("plans"), "pro")));

        RemotePlan created = client.createPlan(Catalogs.PRO);

        assertThat(server.getRequestCount()).isEqualTo(2);
        take();
        assertThat(take().getRequestLine()).isEqualTo("POST /v1/plans.get HTTP/1.1");
        assertThat(created.id()).isEqualTo("pro");
        assertThat(AutumnHttpClient.equivalent(Catalogs.PRO, created.model())).isTrue();
    }

    @Test
    void create_noAnswer_retryHitsDuplicateIdempotencyKey_reReadsAndReturnsIt() throws Exception {
        server.enqueue(Responses.reset());
        server.enqueue(error(404, "feature_not_found", "Feature sso not found")); // still in flight
        server.enqueue(error(409, "duplicate_idempotency_key", "Another request with idempotency key"));
        server.enqueue(ok(Json.parse(
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
        server.enqueue(Responses.reset());
        // What a half-applied create leaves behind (40 item_negative_included: the plan remains with no items).
        server.enqueue(ok(Json.parse("{\"id\":\"pro\",\"name\":\"Pro\",\"items\":[],\"archived\":false}")));

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
        server.enqueue(error(503, "internal_error", "busy"));
        server.enqueue(error(404, "product_not_found", "Product pro not found"));
        server.enqueue(Responses.json(409, "{\"message\":\"Another request with idem"));

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
        server.enqueue(error(503, "internal_error", "busy"));
        server.enqueue(ok(find(createdRich().get("plans"), "pro")));

        RemotePlan updated = client.updatePlan(Catalogs.PRO, false, VersionChoice.CREATE_VERSION);

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(updated.id()).isEqualTo("pro");
    }

    @Test
    void update_503_reReadShowsItDidNotApply_updatesAgain() throws Exception {
        server.enqueue(error(503, "internal_error", "busy"));
        server.enqueue(recorded(byCase(RPC, "plans_get"))); // the old pro
        server.enqueue(ok(find(createdRich().get("plans"), "pro")));

        client.updatePlan(Catalogs.PRO, false, VersionChoice.CREATE_VERSION);

        assertThat(take().getRequestLine()).isEqualTo("POST /v1/plans.update HTTP/1.1");
        assertThat(take().getRequestLine()).isEqualTo("POST /v1/plans.get HTTP/1.1");
        assertThat(take().getRequestLine()).isEqualTo("POST /v1/plans.update HTTP/1.1");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void update_429_retriedWithoutReRead() throws Exception {
        server.enqueue(Responses.tooMany(1));
        server.enqueue(recorded(byCase(RPC, "features_update_archive")));

        client.archiveFeature("legacy_flag", true);

        assertThat(take().getRequestLine()).isEqualTo("POST /v1/features.update HTTP/1.1");
        assertThat(take().getRequestLine()).isEqualTo("POST /v1/features.update HTTP/1.1");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void update_invalidInputs_notRetried() {
        server.enqueue(recorded(byCase(RPC, "plans_update_group_null")));

        assertThatThrownBy(() -> client.updatePlan(Catalogs.PRO, false, VersionChoice.CREATE_VERSION))
                .isExactlyInstanceOf(AutumnApiException.class)
                .hasMessageContaining("answered 400 invalid_inputs: group: must be a string (received null)");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void delete_noAnswer_reReadSays404_done() throws Exception {
        server.enqueue(Responses.reset());
        server.enqueue(recorded(byCase(RPC, "plans_get_old_id_after_rename")));

        client.deletePlan("lifetime");

        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void delete_503_stillThere_retryAnswers404_done() throws Exception {
        server.enqueue(error(503, "internal_error", "busy"));
        server.enqueue(recorded(byCase(RPC, "features_get")));
        server.enqueue(recorded(byCase(RPC, "features_delete_unknown")));

        client.deleteFeature("api_calls");

        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void delete_firstAttempt404_notFound() {
        server.enqueue(recorded(byCase(RPC, "plans_delete_unknown")));

        assertThatThrownBy(() -> client.deletePlan("no_such_plan"))
                .isInstanceOfSatisfying(AutumnNotFoundException.class, e -> {
                    assertThat(e.code()).isEqualTo("product_not_found");
                    assertThat(e.entityId()).isEqualTo("no_such_plan");
                });
    }

    @Test
    void deleteFeature_stillUsed_conflict() {
        server.enqueue(recorded(byCase(RPC, "features_delete_used")));

        assertThatThrownBy(() -> client.deleteFeature("seats"))
                .isInstanceOfSatisfying(AutumnConflictException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("invalid_request");
                    assertThat(e.autumnMessage()).contains("used in a product");
                });
    }

    // ------------------------------------------------------------------ rate limit

    @Test
    void rateLimiter_pacesRequests() throws Exception {
        client.close();
        client = new AutumnHttpClient(config().requestsPerSecond(4).build());
        for (int i = 0; i < 5; i++) {
            server.enqueue(recorded(byCase(Recordings.REST, "rest_feature_deletion_info")));
        }
        for (int i = 0; i < 5; i++) {
            client.featureUsage("api_calls");
        }
        assertThat(clock.sleeps())
                .containsExactly(
                        Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250), Duration.ofMillis(250));
        assertThat(events.all).filteredOn(e -> e instanceof String).hasSize(4);
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode createdRich() {
        return Recordings.load(RICH).stream()
                .filter(e -> e.path().equals("/v1/catalog.update"))
                .findFirst()
                .orElseThrow()
                .responseBody();
    }

    static JsonNode find(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (id.equals(node.path("id")
                    .asText(node.path("feature_id").asText(node.path("plan_id").asText())))) {
                return node;
            }
        }
        throw new AssertionError("no " + id + " in " + array);
    }
}
