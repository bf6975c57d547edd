package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behaviour of {@link AutumnHttpClient} that must hold against any Autumn-like server: the fake of this package, and
 * the local sandbox (the {@code autumn-sandbox} module). A subclass names the server (a loopback base URL and a key), empties it
 * before each test, and says whether it can put customers on a plan (the versioning tests run only then).
 *
 * <pre>{@code
 * class SandboxApiSuiteTest extends AbstractAutumnApiSuite {
 *     protected String baseUrl() { return sandbox.baseUrl(); }
 *     protected String secretKey() { return sandbox.secretKey(); }
 *     protected void resetState() { sandbox.reset(); }
 *     protected boolean supportsCustomers() { return true; }
 *     protected void addCustomer(String planId) { sandbox.addCustomer(planId); }
 * }
 * }</pre>
 */
public abstract class AbstractAutumnApiSuite {
    /** The client under test, new for every test. */
    protected AutumnHttpClient client;

    /** The API root of the server, on loopback: {@code http://127.0.0.1:<port>/v1}. */
    protected abstract String baseUrl();

    /** A secret key the server accepts. */
    protected abstract String secretKey();

    /** Empties the server: no features, plans or customers. Called before each test. */
    protected abstract void resetState();

    /** Whether {@link #addCustomer(String)} works, enabling the customer and versioning tests. */
    protected abstract boolean supportsCustomers();

    /** Gives the latest version of the plan one more customer. */
    protected void addCustomer(String planId) {
        throw new UnsupportedOperationException("this server cannot mark customers");
    }

    /** The options the client runs with; no real sleeping. */
    protected AutumnClientConfig.Builder config() {
        return AutumnClientConfig.builder()
                .baseUrl(baseUrl())
                .secretKey(secretKey())
                .clock(new FakeClock())
                .maxRetries(2);
    }

    @BeforeEach
    public void openClient() {
        resetState();
        client = new AutumnHttpClient(config().build());
    }

    @AfterEach
    public void closeClient() {
        client.close();
    }

    /** Pushes the features, credit systems after what they draw from, then the products. */
    private void push(Catalog catalog) {
        for (Feature feature : catalog.features()) {
            client.createFeature(feature);
        }
        for (Product product : catalog.products()) {
            client.createPlan(product);
        }
    }

    // ------------------------------------------------------------------ features

    @Test
    public void emptyServer_emptyCatalog() {
        RemoteCatalog catalog = client.fetchCatalog();
        assertThat(catalog.features()).isEmpty();
        assertThat(catalog.plans()).isEmpty();
    }

    @Test
    public void features_createdReadBackAsWritten() {
        for (Feature feature : Catalogs.RICH.features()) {
            RemoteFeature created = client.createFeature(feature);
            assertThat(created.model()).isEqualTo(feature);
            assertThat(created.archived()).isFalse();
            assertThat(created.unsupported()).isEmpty();
        }
        RemoteCatalog catalog = client.fetchCatalog();
        assertThat(catalog.features())
                .extracting(RemoteFeature::model)
                .containsExactlyInAnyOrderElementsOf(Catalogs.RICH.features());
    }

    @Test
    public void feature_updateArchiveUnarchive() {
        client.createFeature(Catalogs.SEATS);
        Feature renamed =
                dev.autumncatalog.dsl.Autumn.feature("seats").name("Team seats").continuousUse();

        RemoteFeature updated = client.updateFeature(renamed, false);
        assertThat(updated.model()).isEqualTo(renamed);

        assertThat(client.archiveFeature("seats", true).archived()).isTrue();
        RemoteFeature listed = client.fetchCatalog().feature("seats").orElseThrow();
        assertThat(listed.archived()).as("archived features are still listed").isTrue();
        assertThat(listed.model()).isEqualTo(renamed.archived());

        assertThat(client.archiveFeature("seats", false).archived()).isFalse();
        assertThat(client.updateFeature(renamed, true).archived()).isTrue();
    }

    @Test
    public void feature_duplicate_conflict() {
        client.createFeature(Catalogs.API_CALLS);
        assertThatThrownBy(() -> client.createFeature(Catalogs.API_CALLS))
                .isInstanceOfSatisfying(
                        AutumnConflictException.class,
                        e -> assertThat(e.entityId()).isEqualTo("api_calls"));
    }

    @Test
    public void feature_unknown_notFound() {
        assertThatThrownBy(() -> client.updateFeature(Catalogs.SSO, false)).isInstanceOf(AutumnNotFoundException.class);
        assertThatThrownBy(() -> client.archiveFeature("nope", true)).isInstanceOf(AutumnNotFoundException.class);
        assertThatThrownBy(() -> client.deleteFeature("nope")).isInstanceOf(AutumnNotFoundException.class);
        assertThatThrownBy(() -> client.featureUsage("nope")).isInstanceOf(AutumnNotFoundException.class);
    }

    @Test
    public void feature_deleteRefusedWhileReferenced_thenAllowed() {
        push(Catalogs.RICH);
        assertThat(client.featureUsage("seats").planItemCount()).isPositive();
        assertThatThrownBy(() -> client.deleteFeature("seats"))
                .as("used by plans")
                .isInstanceOf(AutumnConflictException.class);
        assertThatThrownBy(() -> client.deleteFeature("basic_model"))
                .as("used by a credit system")
                .isInstanceOf(AutumnConflictException.class);

        client.createFeature(Catalogs.AI_TOKENS);
        assertThat(client.featureUsage("ai_tokens").unused()).isTrue();
        client.deleteFeature("ai_tokens");
        assertThat(client.fetchCatalog().feature("ai_tokens")).isEmpty();
    }

    // ------------------------------------------------------------------ plans

    @Test
    public void plans_createdReadBackEquivalent_andFetchedExactlyOnce() {
        push(Catalogs.all());
        RemoteCatalog catalog = client.fetchCatalog();
        assertThat(catalog.plans()).hasSize(Catalogs.all().products().size());
        for (Product product : Catalogs.all().products()) {
            RemotePlan remote = catalog.plan(product.id()).orElseThrow();
            assertThat(remote.unsupported()).as(product.id()).isEmpty();
            assertThat(remote.version()).isEqualTo(1);
            assertThat(WriteCheck.equivalent(product, remote.model()))
                    .as(product.id() + ": " + remote.model())
                    .isTrue();
        }
    }

    @Test
    public void plan_updateReplacesEverything_priceAndTrialRemovable() {
        push(Catalogs.RICH);
        Product bare =
                new Product("pro", "Pro lite", null, null, false, false, null, List.of(featureItem(Catalogs.SSO)));

        RemotePlan updated = client.updatePlan(bare, false, VersionChoice.CREATE_VERSION);

        assertThat(updated.model()).isEqualTo(bare);
        assertThat(client.fetchCatalog().plan("pro").orElseThrow().model()).isEqualTo(bare);
    }

    @Test
    public void plan_archivedStaysArchivedThroughUpdates_andUnarchives() {
        push(Catalogs.SEED);
        assertThat(client.archivePlan("starterapp-demo-paid", true).archived()).isTrue();
        Product renamed = Catalogs.PAID.name("Paid Plan (old)");

        RemotePlan updated = client.updatePlan(renamed, true, VersionChoice.CREATE_VERSION);

        assertThat(updated.archived()).as("archived is always sent").isTrue();
        RemotePlan listed = client.fetchCatalog().plan("starterapp-demo-paid").orElseThrow();
        assertThat(listed.archived()).as("archived plans are listed").isTrue();
        assertThat(listed.model().name()).isEqualTo("Paid Plan (old)");
        assertThat(client.archivePlan("starterapp-demo-paid", false).archived()).isFalse();
    }

    @Test
    public void plan_duplicate_conflict() {
        push(Catalogs.SEED);
        client.archivePlan("api-call-pack-1000", true);
        assertThatThrownBy(() -> client.createPlan(Catalogs.PACK))
                .as("archived plans keep their id")
                .isInstanceOf(AutumnConflictException.class);
    }

    @Test
    public void plan_unknown_notFound() {
        push(Catalogs.SEED);
        Product ghost = product("ghost").name("Ghost").item(priceItem(1).monthly());
        assertThatThrownBy(() -> client.updatePlan(ghost, false, VersionChoice.CREATE_VERSION))
                .isInstanceOf(AutumnNotFoundException.class);
        assertThatThrownBy(() -> client.archivePlan("ghost", true)).isInstanceOf(AutumnNotFoundException.class);
        assertThatThrownBy(() -> client.deletePlan("ghost")).isInstanceOf(AutumnNotFoundException.class);
        assertThatThrownBy(() -> client.planCustomers(ghost)).isInstanceOf(AutumnNotFoundException.class);
        assertThatThrownBy(() -> client.planHasCustomers("ghost")).isInstanceOf(AutumnNotFoundException.class);
    }

    @Test
    public void plan_itemOnUnknownFeature_notFoundAndNothingLeft() {
        Product orphan = product("orphan")
                .name("Orphan")
                .item(featureItem(Catalogs.API_CALLS).included(5).monthly());
        assertThatThrownBy(() -> client.createPlan(orphan)).isInstanceOf(AutumnNotFoundException.class);
        assertThat(client.fetchCatalog().plans()).isEmpty();
    }

    @Test
    public void plan_delete_allVersions() {
        push(Catalogs.SEED);
        client.deletePlan("api-call-pack-1000");
        assertThat(client.fetchCatalog().plans()).extracting(RemotePlan::id).containsExactly("starterapp-demo-paid");
        assertThat(client.featureUsage("api_calls").planItemCount()).isEqualTo(1);
    }

    @Test
    public void plan_withoutCustomers_neverVersions() {
        push(Catalogs.SEED);
        assertThat(client.planHasCustomers("starterapp-demo-paid")).isFalse();
        Product pricier = product("starterapp-demo-paid")
                .name("Paid Plan")
                .items(
                        priceItem(12).monthly(),
                        featureItem(Catalogs.API_CALLS).included(10_000).monthly(),
                        featureItem(Catalogs.AI_TOKENS).included(50_000).monthly());
        assertThat(client.planCustomers(pricier)).isEqualTo(new PlanCustomers(1, false, false));
        assertThat(client.updatePlan(pricier, false, VersionChoice.CREATE_VERSION)
                        .version())
                .isEqualTo(1);
    }

    // ------------------------------------------------------------------ customers and versions (optional)

    @Test
    public void customers_itemChangeVersions_inPlaceDoesNot_deleteRefused() {
        assumeTrue(supportsCustomers(), "the server cannot mark customers");
        push(Catalogs.SEED);
        addCustomer("starterapp-demo-paid");
        assertThat(client.planHasCustomers("starterapp-demo-paid")).isTrue();

        Product renamed = Catalogs.PAID.name("Paid");
        assertThat(client.planCustomers(renamed)).isEqualTo(new PlanCustomers(1, false, false));
        assertThat(client.updatePlan(renamed, false, VersionChoice.CREATE_VERSION)
                        .version())
                .as("a name change happens in place")
                .isEqualTo(1);

        Product changed = new Product(
                renamed.id(),
                renamed.name(),
                null,
                null,
                false,
                false,
                null,
                List.of(
                        priceItem(10).monthly(),
                        featureItem(Catalogs.API_CALLS).included(20_000).monthly(),
                        featureItem(Catalogs.AI_TOKENS).included(50_000).monthly()));
        assertThat(client.planCustomers(changed)).isEqualTo(new PlanCustomers(1, true, false));
        RemotePlan v2 = client.updatePlan(changed, false, VersionChoice.CREATE_VERSION);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(WriteCheck.equivalent(changed, v2.model())).isTrue();
        assertThat(client.fetchCatalog().plan(renamed.id()).orElseThrow().version())
                .as("the list shows the latest version")
                .isEqualTo(2);

        addCustomer("starterapp-demo-paid");
        Product inPlace = new Product(
                renamed.id(),
                renamed.name(),
                null,
                null,
                false,
                false,
                null,
                List.of(
                        priceItem(10).monthly(),
                        featureItem(Catalogs.API_CALLS).included(30_000).monthly(),
                        featureItem(Catalogs.AI_TOKENS).included(50_000).monthly()));
        assertThat(client.updatePlan(inPlace, false, VersionChoice.UPDATE_IN_PLACE)
                        .version())
                .isEqualTo(2);

        assertThat(client.archivePlan(renamed.id(), true).archived()).isTrue();
        assertThatThrownBy(() -> client.deletePlan(renamed.id()))
                .as("customers on it")
                .isInstanceOf(AutumnApiException.class)
                .satisfies(e -> assertThat(((AutumnApiException) e).status()).isEqualTo(400));
    }
}
