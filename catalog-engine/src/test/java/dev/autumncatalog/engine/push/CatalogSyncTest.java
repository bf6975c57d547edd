package dev.autumncatalog.engine.push;

import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.plan.Blocker;
import dev.autumncatalog.engine.plan.Change;
import dev.autumncatalog.engine.plan.FakeAutumn;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.PlanOptions;
import dev.autumncatalog.engine.plan.VersionPolicy;
import dev.autumncatalog.engine.plan.Versioning;
import dev.autumncatalog.engine.plan.Warning;
import dev.autumncatalog.engine.report.PlanRenderer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The facade: live lookups only where needed, decisions from options or questions, refusals that change nothing. */
class CatalogSyncTest {
    static final Product PRO = PushExecutorTest.PRO;
    static final Product LEGACY = product("legacy")
            .name("Legacy")
            .item(featureItem(PushExecutorTest.AI_TOKENS).included(5).monthly());
    static final PlanOptions DEFAULTS = PlanOptions.defaults("fake", false);

    @Test
    void plan_unchangedCatalog_costsExactlyTheTwoListRequests_andPushSendsNothing() {
        Catalog catalog = Catalog.of(PRO, PushExecutorTest.TOP_UP);
        FakeAutumn fake = FakeAutumn.holding(catalog).addCustomers("pro", 3);
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);

        Plan plan = sync.plan(catalog, DEFAULTS);
        PushResult result = sync.push(plan, PushOptions.batch());

        assertThat(plan.isEmpty()).isTrue();
        assertThat(result).isEqualTo(PushResult.EMPTY);
        assertThat(fake.requests()).isEqualTo(2);
    }

    @Test
    void plan_asksVersioningOnlyForPricedChanges() {
        FakeAutumn fake = FakeAutumn.holding(Catalog.of(PRO)).addCustomers("pro", 1);
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);

        Plan renamed = sync.plan(Catalog.of(PRO.name("Pro 2")), DEFAULTS);
        int afterRename = fake.requests();
        Plan repriced = sync.plan(Catalog.of(swapPrice(PRO, 25)), DEFAULTS);

        assertThat(afterRename).isEqualTo(2);
        assertThat(fake.requests() - afterRename).isEqualTo(3);
        assertThat(Plan.versioning(renamed.changes().get(0))).isNull();
        assertThat(Plan.versioning(repriced.changes().get(0))).isEqualTo(new Versioning(1, true));
    }

    @Test
    void push_planUsingANewFeature_estimatesVersioning_andVersionsWhenAutumnMust() {
        dev.autumncatalog.dsl.Feature messages = dev.autumncatalog.dsl.Autumn.feature("messages")
                .name("Messages")
                .singleUse();
        Product withMessages = PRO.item(featureItem(messages).included(10).monthly());
        FakeAutumn fake = FakeAutumn.holding(Catalog.of(PRO)).addCustomers("pro", 1);
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);

        Plan plan = sync.plan(Catalog.of(withMessages), DEFAULTS.withVersionPolicy(VersionPolicy.CREATE_VERSION));
        sync.push(plan, PushOptions.batch());

        assertThat(Plan.versioning(plan.changes().get(1))).isEqualTo(new Versioning(1, true, true));
        assertThat(fake.log()).containsExactly("createFeature messages", "updatePlan pro false CREATE_VERSION");
        assertThat(fake.versions("pro")).isEqualTo(2);
    }

    @Test
    void push_defaultHandedToANewPlan_removesTheOldDefaultFirst() {
        Product free = product("free").name("Free").defaultProduct().item(featureItem(PushExecutorTest.SSO));
        Product starter = product("starter").name("Starter").defaultProduct().item(featureItem(PushExecutorTest.SSO));
        FakeAutumn fake = FakeAutumn.holding(Catalog.of(free)).addCustomers("free", 1);
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);

        Plan plan = sync.plan(Catalog.of(starter), DEFAULTS.withAllowRemovals(true));
        sync.push(plan, PushOptions.batch());

        assertThat(PlanRenderer.render(plan))
                .contains("  - plan free  (archive: it has customers; first, so another plan can be the default)\n"
                        + "  + plan starter  \"Starter\"\n");
        assertThat(fake.log()).containsExactly("archivePlan free true", "createPlan starter");
    }

    @Test
    void push_versioningUpdate_withoutPolicy_isRefusedNamingTheProperty() {
        FakeAutumn fake = FakeAutumn.holding(Catalog.of(PRO)).addCustomers("pro", 1);
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);
        Plan plan = sync.plan(Catalog.of(swapPrice(PRO, 25)), DEFAULTS);

        assertThatThrownBy(() -> sync.push(plan, PushOptions.batch()))
                .isInstanceOf(PushRefusedException.class)
                .hasMessage("Push refused; nothing was changed in Autumn:\n"
                        + "  These updates create a new version because the plan has customers: plan pro (version 2)."
                        + " Choose -Dautumn.versionPolicy=create-version (existing customers keep their version) or"
                        + " -Dautumn.versionPolicy=update-in-place (they get the change too).");
        assertThat(fake.log()).isEmpty();
    }

    @Test
    void push_versionPolicy_createsAVersionOrUpdatesInPlace() {
        Product repriced = swapPrice(PRO, 25);
        FakeAutumn versioned = FakeAutumn.holding(Catalog.of(PRO)).addCustomers("pro", 1);
        FakeAutumn inPlace = FakeAutumn.holding(Catalog.of(PRO)).addCustomers("pro", 1);

        new CatalogSync(versioned, MAVEN_LIKE)
                .push(
                        new CatalogSync(versioned, MAVEN_LIKE)
                                .plan(Catalog.of(repriced), DEFAULTS.withVersionPolicy(VersionPolicy.CREATE_VERSION)),
                        PushOptions.batch());
        new CatalogSync(inPlace, MAVEN_LIKE)
                .push(
                        new CatalogSync(inPlace, MAVEN_LIKE)
                                .plan(Catalog.of(repriced), DEFAULTS.withVersionPolicy(VersionPolicy.UPDATE_IN_PLACE)),
                        PushOptions.batch());

        assertThat(versioned.versions("pro")).isEqualTo(2);
        assertThat(versioned.log()).containsExactly("updatePlan pro false CREATE_VERSION");
        assertThat(inPlace.versions("pro")).isEqualTo(1);
        assertThat(inPlace.log()).containsExactly("updatePlan pro false UPDATE_IN_PLACE");
        assertThat(inPlace.stored("pro")).isEqualTo(repriced);
    }

    @Test
    void push_removalsOff_refusesInBatch_andAsksWhenInteractive() {
        FakeAutumn fake = FakeAutumn.holding(Catalog.of(PRO, LEGACY)).addCustomers("legacy", 1);
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);
        Plan plan = sync.plan(Catalog.of(PRO), DEFAULTS);
        List<String> questions = new ArrayList<>();

        assertThatThrownBy(() -> sync.push(plan, PushOptions.batch()))
                .isInstanceOf(PushRefusedException.class)
                .hasMessageContaining("plan legacy (archive: it has customers), feature ai_tokens (archive: a plan item"
                        + " uses it, e.g. in \"Legacy\")")
                .hasMessageContaining("-Dautumn.allowRemovals=true");
        assertThat(fake.log()).isEmpty();

        sync.push(plan, PushOptions.batch().withInteraction(question -> questions.add(question)));

        assertThat(questions)
                .containsExactly("Remove from Autumn what the catalog no longer has (plan legacy, feature ai_tokens)?");
        assertThat(fake.log()).containsExactly("archivePlan legacy true", "archiveFeature ai_tokens true");
    }

    @Test
    void push_interactiveVersionQuestions_secondAnswerUpdatesInPlace() {
        FakeAutumn fake = FakeAutumn.holding(Catalog.of(PRO)).addCustomers("pro", 1);
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);
        Plan plan = sync.plan(Catalog.of(swapPrice(PRO, 25)), DEFAULTS);
        List<String> questions = new ArrayList<>();

        sync.push(plan, PushOptions.batch().withInteraction(question -> {
            questions.add(question);
            return question.startsWith("Change");
        }));

        assertThat(questions)
                .containsExactly(
                        "Create a new version of plan pro for new customers (existing customers keep their version)?",
                        "Change the current version of plan pro in place instead (existing customers get the change"
                                + " too)?");
        assertThat(fake.log()).containsExactly("updatePlan pro false UPDATE_IN_PLACE");
    }

    @Test
    void push_interactiveNo_refusesAndChangesNothing() {
        FakeAutumn fake = FakeAutumn.holding(Catalog.of(PRO, LEGACY));
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);
        Plan plan = sync.plan(Catalog.of(PRO), DEFAULTS);

        assertThatThrownBy(() -> sync.push(plan, PushOptions.batch().withInteraction(question -> false)))
                .isInstanceOf(PushRefusedException.class)
                .satisfies(e -> assertThat(((PushRefusedException) e).blockers())
                        .extracting(Blocker::kind)
                        .containsExactly(Blocker.Kind.REMOVALS));
        assertThat(fake.log()).isEmpty();
    }

    @Test
    void push_updateDroppingUnsupportedContent_needsTheOptIn() {
        FakeAutumn fake = FakeAutumn.holding(Catalog.of(PRO)).unsupported("pro", "metadata {\"tier\":\"gold\"}");
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);
        Plan plan = sync.plan(Catalog.of(PRO.name("Pro 2")), DEFAULTS);

        assertThatThrownBy(() -> sync.push(plan, PushOptions.batch()))
                .isInstanceOf(PushRefusedException.class)
                .hasMessageContaining("plan pro (metadata {\"tier\":\"gold\"})")
                .hasMessageContaining("-Dautumn.dropUnsupported=true");
        sync.push(plan.withOptions(DEFAULTS.withDropUnsupported(true)), PushOptions.batch());

        assertThat(fake.log()).containsExactly("updatePlan pro false CREATE_VERSION");
        assertThat(sync.plan(Catalog.of(PRO.name("Pro 2")), DEFAULTS).isEmpty()).isTrue();
    }

    @Test
    void push_unchangedEntityWithUnsupportedContent_isLeftAloneWithAWarning() {
        FakeAutumn fake = FakeAutumn.holding(Catalog.of(PRO)).unsupported("pro", "variant 'annual'");

        Plan plan = new CatalogSync(fake, MAVEN_LIKE).plan(Catalog.of(PRO), DEFAULTS);

        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.warnings())
                .extracting(Warning::toString)
                .containsExactly("plan pro: has what the DSL cannot express, left as it is: variant 'annual'");
    }

    @Test
    void push_archivedEntitiesBack_areUnarchived_flagOnlyOrWithTheUpdate() {
        FakeAutumn fake = FakeAutumn.holding(Catalog.of(PRO, LEGACY))
                .seedPlan(PRO, true)
                .seedPlan(LEGACY.name("Old name"), true)
                .seedFeature(PushExecutorTest.API_CALLS, true);
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);

        Plan plan = sync.plan(Catalog.of(PRO, LEGACY), DEFAULTS);
        sync.push(plan, PushOptions.batch().withParallelism(1)); // one at a time: a stable log

        assertThat(plan.changes())
                .extracting(Change::headline)
                .containsExactly("↺ feature api_calls", "↺ plan pro", "↺ plan legacy");
        assertThat(fake.log())
                .containsExactly(
                        "archiveFeature api_calls false",
                        "archivePlan pro false",
                        "updatePlan legacy false CREATE_VERSION");
        assertThat(sync.plan(Catalog.of(PRO, LEGACY), DEFAULTS).isEmpty()).isTrue();
    }

    @Test
    void plan_invalidCatalog_isRefusedBeforeAnyRequest() {
        // The validator lives in catalog-dsl; whatever it reports stops planning before Autumn is asked.
        FakeAutumn fake = new FakeAutumn();
        Catalog catalog = Catalog.of(PRO);

        if (!catalog.validate().isEmpty()) {
            assertThatThrownBy(() -> new CatalogSync(fake, MAVEN_LIKE).plan(catalog, DEFAULTS));
            assertThat(fake.requests()).isZero();
        } else {
            new CatalogSync(fake, MAVEN_LIKE).plan(catalog, DEFAULTS);
            assertThat(fake.requests()).isEqualTo(2);
        }
    }

    /** The product with its first item (the fixed price) at {@code amount} a month. */
    static Product swapPrice(Product product, long amount) {
        List<Item> items = new ArrayList<>(product.items());
        items.set(0, priceItem(amount).monthly());
        return new Product(
                product.id(),
                product.name(),
                product.description(),
                product.group(),
                product.isAddOn(),
                product.isDefault(),
                product.freeTrial(),
                items);
    }
}
