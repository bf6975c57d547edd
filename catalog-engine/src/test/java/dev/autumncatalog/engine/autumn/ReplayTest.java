package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.dsl.Autumn.cost;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.freeTrial;
import static dev.autumncatalog.dsl.Autumn.lastTier;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.dsl.Autumn.tier;
import static dev.autumncatalog.engine.autumn.Responses.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.Recordings.Exchange;
import java.io.IOException;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Drives the client through recorded flows: a {@link ReplayDispatcher} answers each request with what the real Autumn
 * answered to the same request (modulo documented defaults), so the bodies the client sends are proven to be ones the
 * server was recorded accepting, and the client reads those very answers.
 */
class ReplayTest {
    private MockWebServer server;
    private AutumnHttpClient client;
    private ReplayDispatcher replay;

    private void replay(String file) throws IOException {
        replay = new ReplayDispatcher(file);
        server = Loopback.start(replay);
        client = new AutumnHttpClient(AutumnClientConfig.builder()
                .baseUrl(server.url("/v1").toString())
                .secretKey(KEY)
                .clock(new FakeClock())
                .maxRetries(0)
                .build());
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void assertServed(int... seqs) {
        assertThat(replay.misses())
                .as("requests the recording has no answer for")
                .isEmpty();
        assertThat(replay.served()).extracting(Exchange::seq).containsExactly(box(seqs));
    }

    /** The two lists of a catalog fetch go out at once. */
    private void assertServedInAnyOrder(int... seqs) {
        assertThat(replay.misses())
                .as("requests the recording has no answer for")
                .isEmpty();
        assertThat(replay.served()).extracting(Exchange::seq).containsExactlyInAnyOrder(box(seqs));
    }

    private static Integer[] box(int[] values) {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    @Test
    void rpcCatalog_createArchiveCustomersDelete() throws IOException {
        replay(Recordings.RPC);
        Feature calls = feature("api_calls").name("API Calls").singleUse();
        Feature seats = feature("seats").name("Seats").continuousUse();
        Feature sso = feature("sso").name("SSO").booleanFlag();
        Feature gpu = feature("gpu_minutes").name("GPU Minutes").singleUse();
        Feature credits = feature("credits").name("Credits").creditSystem(cost(calls, 1), cost(gpu, 10));
        Feature legacy = feature("legacy_flag").name("Legacy Flag").booleanFlag();
        Feature tokens = feature("ai_tokens").name("Tokens").singleUse();

        for (Feature f : List.of(calls, seats, sso, gpu, credits, legacy)) {
            RemoteFeature created = client.createFeature(f);
            assertThat(created.model()).isEqualTo(f);
        }
        assertThat(client.archiveFeature("legacy_flag", true).archived()).isTrue();
        assertThat(client.archiveFeature("legacy_flag", false).archived()).isFalse();

        Product free = product("free")
                .name("Free")
                .group("main")
                .defaultProduct()
                .items(
                        featureItem(calls).included(1000).monthly(),
                        featureItem(credits).included(50).monthly(),
                        featureItem(seats).included(1),
                        featureItem(sso));
        Product pro = product("pro")
                .name("Pro")
                .description("For growing teams")
                .group("main")
                .items(
                        priceItem(20).monthly(),
                        featureItem(calls).unlimited(),
                        pricedFeatureItem(seats).included(2).price(10).prepaid().monthly(),
                        pricedFeatureItem(tokens)
                                .price(5)
                                .per(1000)
                                .prepaid()
                                .monthly()
                                .maxPurchase(50_000),
                        pricedFeatureItem(credits)
                                .included(100)
                                .tiers(tier(1000, "0.01"), lastTier("0.008"))
                                .per(100)
                                .payPerUse()
                                .monthly(),
                        featureItem(sso))
                .freeTrial(freeTrial(14).days());
        Product boost = product("api_boost")
                .name("API Boost")
                .group("boosts")
                .addOn()
                .items(priceItem(5).monthly(), featureItem(calls).included(5000).monthly());
        Product lifetime = product("lifetime")
                .name("Lifetime")
                .items(
                        priceItem(199).oneOff(),
                        featureItem(sso),
                        featureItem(calls).included(10_000).noReset());
        Product annual = product("team_annual")
                .name("Team Annual")
                .items(
                        priceItem(200).yearly(),
                        featureItem(calls).included(500).resetEvery(2, Interval.WEEK),
                        pricedFeatureItem(seats).included(5).price(8).prepaid().yearly());
        Product minimal = product("minimal").name("Minimal");
        for (Product p : List.of(free, pro, boost, lifetime, annual, minimal)) {
            RemotePlan created = client.createPlan(p);
            assertThat(WriteCheck.equivalent(p, created.model())).as(p.id()).isTrue();
            assertThat(created.version()).isEqualTo(1);
        }

        assertThat(client.archivePlan("lifetime", true).archived()).isTrue();
        assertThat(client.archivePlan("lifetime", false).archived()).isFalse();
        assertThat(client.archivePlan("minimal", true).archived()).isTrue();

        Product boostNow = product("api_boost")
                .name("API Boost")
                .item(featureItem(calls).included(5000).monthly());
        assertThat(client.planCustomers(boostNow)).isEqualTo(new PlanCustomers(1, false, false));

        client.deletePlan("minimal");
        client.deleteFeature("legacy_flag");
        assertThatThrownBy(() -> client.deleteFeature("seats"))
                .isInstanceOf(AutumnConflictException.class)
                .hasMessageContaining("used in a product");
        assertThatThrownBy(() -> client.deleteFeature("gpu_minutes"))
                .isInstanceOf(AutumnConflictException.class)
                .hasMessageContaining("used by credit system credits");
        assertThatThrownBy(() -> client.deleteFeature("credits")).isInstanceOf(AutumnConflictException.class);
        assertThatThrownBy(() -> client.deleteFeature("no_such_feature")).isInstanceOf(AutumnNotFoundException.class);

        assertServed(2, 3, 4, 6, 7, 8, 17, 20, 24, 25, 26, 27, 28, 29, 49, 53, 54, 56, 62, 64, 65, 66, 67, 68);
    }

    @Test
    void fetchCatalog_afterRpcCatalog_theAtmnListBodies() throws IOException {
        replay(Recordings.REST);

        RemoteCatalog catalog = client.fetchCatalog();

        assertServedInAnyOrder(33, 34);
        assertThat(catalog.plans()).extracting(RemotePlan::id).contains("pro", "free", "api_boost", "team_annual");
        assertThat(catalog.plans()).allSatisfy(plan -> {
            assertThat(plan.model()).as(plan.id()).isNotNull();
            assertThat(plan.unsupported()).as(plan.id()).isEmpty();
        });
    }

    @Test
    void fetchCatalog_afterAtmnPushedTheRichCatalog_readsBackAsTheDslCatalog() throws IOException {
        replay(Recordings.RICH_V2);

        RemoteCatalog catalog = client.fetchCatalog();

        assertServedInAnyOrder(1, 3);
        for (Feature feature : Catalogs.RICH.features()) {
            assertThat(catalog.feature(feature.id()).orElseThrow().model()).isEqualTo(feature);
        }
        for (Product product : Catalogs.RICH.products()) {
            RemotePlan remote = catalog.plan(product.id()).orElseThrow();
            assertThat(WriteCheck.equivalent(product, remote.model()))
                    .as(product.id() + " as atmn pushed it reads back as the DSL wrote it")
                    .isTrue();
        }
    }

    @Test
    void versioning_customersVersionsInPlaceArchiveAndRefusals() throws IOException {
        replay(Recordings.VERSIONING);
        Feature calls = feature("api_calls").name("API Calls").singleUse();
        Feature seats = feature("seats").name("Seats").continuousUse();
        Feature sso = feature("sso").name("SSO").booleanFlag();
        for (Feature f : List.of(calls, seats, sso)) {
            client.createFeature(f);
        }
        Product free = product("free")
                .name("Free")
                .group("main")
                .defaultProduct()
                .items(
                        featureItem(calls).included(100).monthly(),
                        featureItem(seats).included(1));
        Product starter = product("starter")
                .name("Starter")
                .group("main")
                .item(featureItem(calls).included(500).monthly());
        Product pro = product("pro")
                .name("Pro")
                .group("main")
                .items(
                        priceItem(20).monthly(),
                        featureItem(calls).included(10_000).monthly(),
                        featureItem(sso));
        for (Product p : List.of(free, starter, pro)) {
            client.createPlan(p);
        }

        assertThat(client.planCustomers(free)).isEqualTo(new PlanCustomers(1, false, false));
        Product more200 = new Product(
                "free",
                "Free Tier",
                null,
                "main",
                false,
                true,
                null,
                List.of(
                        featureItem(calls).included(200).monthly(),
                        featureItem(seats).included(1)));
        assertThat(client.planCustomers(more200)).isEqualTo(new PlanCustomers(1, true, false));
        assertThat(client.planHasCustomers("free")).isTrue();

        Product renamed = free.name("Free Tier");
        assertThat(client.updatePlan(renamed, false, VersionChoice.CREATE_VERSION)
                        .version())
                .as("a name-only change happens in place")
                .isEqualTo(1);
        assertThat(client.updatePlan(more200, false, VersionChoice.CREATE_VERSION)
                        .version())
                .as("an item change on a plan with customers creates v2")
                .isEqualTo(2);
        Product more300 = new Product(
                "free",
                "Free Tier",
                null,
                "main",
                false,
                true,
                null,
                List.of(
                        featureItem(calls).included(300).monthly(),
                        featureItem(seats).included(1)));
        assertThat(client.planCustomers(more300)).isEqualTo(new PlanCustomers(2, true, false));
        Product inPlace = new Product(
                "free",
                "Free Tier",
                null,
                "main",
                false,
                true,
                null,
                List.of(
                        featureItem(calls).included(300).monthly(),
                        featureItem(seats).included(2)));
        assertThat(client.updatePlan(inPlace, false, VersionChoice.UPDATE_IN_PLACE)
                        .version())
                .as("disable_version keeps v2")
                .isEqualTo(2);

        assertThat(client.archiveFeature("seats", true).archived()).isTrue();
        assertThat(client.archiveFeature("seats", false).archived()).isFalse();
        assertThatThrownBy(() -> client.deleteFeature("api_calls")).isInstanceOf(AutumnConflictException.class);

        RemotePlan archived = client.archivePlan("free", true);
        assertThat(archived.archived()).isTrue();
        assertThat(archived.version()).isEqualTo(3);
        assertThat(client.archivePlan("free", false).archived()).isFalse();
        assertThatThrownBy(() -> client.deletePlan("free"))
                .isExactlyInstanceOf(AutumnApiException.class)
                .hasMessageContaining("400 invalid_request")
                .hasMessageContaining("has 3 customers");

        assertServed(1, 2, 3, 4, 5, 6, 16, 17, 20, 22, 23, 31, 32, 40, 43, 44, 51, 53, 56);
    }
}
