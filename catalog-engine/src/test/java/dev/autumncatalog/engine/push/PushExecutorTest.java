package dev.autumncatalog.engine.push;

import static dev.autumncatalog.dsl.Autumn.cost;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.AutumnApi;
import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.plan.Change;
import dev.autumncatalog.engine.plan.FakeAutumn;
import dev.autumncatalog.engine.plan.Level;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.PlanOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The executor against {@link FakeAutumn}: order by dependency, concurrency, failures, re-runs, progress. */
class PushExecutorTest {
    static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
    static final Feature AI_TOKENS = feature("ai_tokens").name("AI Tokens").singleUse();
    static final Feature SSO = feature("sso").name("SSO").booleanFlag();
    static final Feature CREDITS =
            feature("credits").name("Credits").creditSystem(cost(API_CALLS, 1), cost(AI_TOKENS, "0.01"));
    static final Product PRO = product("pro")
            .name("Pro")
            .item(priceItem(20).monthly())
            .item(featureItem(API_CALLS).included(10_000).monthly())
            .item(featureItem(SSO));
    static final Product TOP_UP = product("top_up")
            .name("Top-up")
            .item(featureItem(CREDITS).included(100).noReset());

    static final PlanOptions ALLOW = PlanOptions.defaults("fake", false).withAllowRemovals(true);

    @Test
    void push_archivedInTheCatalog_staysArchived_andTheNextPlanIsEmpty() {
        FakeAutumn fake = FakeAutumn.holding(Catalog.of(PRO));
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);
        Catalog archiving = new Catalog(
                List.of(API_CALLS.archived(), SSO, AI_TOKENS.archived()),
                List.of(PRO.archived(), product("old").name("Old").archived()));

        sync.push(sync.plan(archiving, ALLOW), PushOptions.batch());

        RemoteCatalog after = fake.fetchCatalog();
        assertThat(after.feature("api_calls").orElseThrow().archived())
                .as("archived in place")
                .isTrue();
        assertThat(after.feature("ai_tokens").orElseThrow().archived())
                .as("created, then archived")
                .isTrue();
        assertThat(after.plan("pro").orElseThrow().archived()).isTrue();
        assertThat(after.plan("old").orElseThrow().archived()).isTrue();
        assertThat(sync.plan(archiving, ALLOW).changes())
                .as("a push never un-archives")
                .isEmpty();

        // a change to an archived entity updates it and keeps it archived
        Catalog renamed = new Catalog(
                List.of(
                        API_CALLS.archived(),
                        SSO,
                        feature("ai_tokens").name("Tokens").singleUse().archived()),
                List.of(PRO.archived(), product("old").name("Old").archived()));
        sync.push(sync.plan(renamed, ALLOW), PushOptions.batch());
        RemoteFeature tokens = fake.fetchCatalog().feature("ai_tokens").orElseThrow();
        assertThat(tokens.archived()).isTrue();
        assertThat(tokens.model().name()).isEqualTo("Tokens");
        assertThat(sync.plan(renamed, ALLOW).changes()).isEmpty();
    }

    @Test
    void push_appliesEachChangeAfterWhatItDependsOn_creditSystemsAfterTheirFeatures_removalsAfterTheirUsers() {
        Feature oldMeter = feature("old_meter").name("Old meter").singleUse();
        Feature oldPool = feature("old_pool").name("Old pool").creditSystem(cost(oldMeter, 1));
        Product legacy = product("legacy")
                .name("Legacy")
                .item(featureItem(oldPool).included(5).monthly());
        FakeAutumn fake = FakeAutumn.holding(Catalog.of(legacy)).latency(5);
        Catalog desired = new Catalog(List.of(CREDITS, SSO, API_CALLS, AI_TOKENS), List.of(TOP_UP, PRO));
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);

        Plan plan = sync.plan(desired, ALLOW);
        sync.push(plan, PushOptions.batch());

        // The log is in the order Autumn finished the writes.
        List<String> log = fake.log();
        assertThat(log)
                .containsExactlyInAnyOrder(
                        "createFeature api_calls",
                        "createFeature sso",
                        "createFeature ai_tokens",
                        "createFeature credits",
                        "createPlan pro",
                        "createPlan top_up",
                        "deletePlan legacy",
                        "deleteFeature old_pool",
                        "deleteFeature old_meter");
        assertBefore(log, "createFeature api_calls", "createFeature credits");
        assertBefore(log, "createFeature ai_tokens", "createFeature credits");
        assertBefore(log, "createFeature api_calls", "createPlan pro");
        assertBefore(log, "createFeature sso", "createPlan pro");
        assertBefore(log, "createFeature credits", "createPlan top_up");
        assertBefore(log, "deletePlan legacy", "deleteFeature old_pool");
        assertBefore(log, "deleteFeature old_pool", "deleteFeature old_meter");
    }

    @Test
    void push_withOneThread_runsLevelByLevel() {
        Feature oldMeter = feature("old_meter").name("Old meter").singleUse();
        Feature oldPool = feature("old_pool").name("Old pool").creditSystem(cost(oldMeter, 1));
        Product legacy = product("legacy")
                .name("Legacy")
                .item(featureItem(oldPool).included(5).monthly());
        FakeAutumn fake = FakeAutumn.holding(Catalog.of(legacy));
        Catalog desired = new Catalog(List.of(CREDITS, SSO, API_CALLS, AI_TOKENS), List.of(TOP_UP, PRO));
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);

        Plan plan = sync.plan(desired, ALLOW);
        sync.push(plan, PushOptions.batch().withParallelism(1));

        Map<String, Level> levels = new HashMap<>();
        plan.changes().forEach(c -> levels.put(c.id(), c.level()));
        List<Level> order = new ArrayList<>();
        for (String write : fake.log()) {
            order.add(levels.get(write.split(" ")[1]));
        }
        assertThat(order)
                .containsExactly(
                        Level.FEATURES,
                        Level.FEATURES,
                        Level.FEATURES,
                        Level.CREDIT_SYSTEMS,
                        Level.PLANS,
                        Level.PLANS,
                        Level.PLAN_REMOVALS,
                        Level.CREDIT_SYSTEM_REMOVALS,
                        Level.FEATURE_REMOVALS);
    }

    @Test
    void push_planStartsOnceItsOwnFeaturesExist_notWhenEveryFeatureDoes() {
        // 'slow' is held until plan 'p' (which uses only 'fast') has been created. Level barriers would hold 'p' until
        // 'slow' finished: the hold then ends at its time limit and the log shows 'slow' before 'p'.
        Feature fast = feature("fast").name("Fast").singleUse();
        Feature slow = feature("slow").name("Slow").singleUse();
        Product p = product("p").name("P").item(featureItem(fast).included(1).monthly());
        FakeAutumn fake = new FakeAutumn();
        CountDownLatch planCreated = new CountDownLatch(1);
        AutumnApi holding = (AutumnApi) Proxy.newProxyInstance(
                AutumnApi.class.getClassLoader(), new Class<?>[] {AutumnApi.class}, (proxy, method, args) -> {
                    if (method.getName().equals("createFeature")
                            && ((Feature) args[0]).id().equals("slow")) {
                        planCreated.await(10, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(fake, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (method.getName().equals("createPlan")) {
                            planCreated.countDown();
                        }
                    }
                });
        CatalogSync sync = new CatalogSync(holding, MAVEN_LIKE);

        sync.push(sync.plan(new Catalog(List.of(slow, fast), List.of(p)), ALLOW), PushOptions.batch());

        assertThat(fake.log()).containsExactly("createFeature fast", "createPlan p", "createFeature slow");
    }

    private static void assertBefore(List<String> log, String first, String then) {
        assertThat(log.indexOf(first)).as(first + " before " + then).isLessThan(log.indexOf(then));
    }

    @Test
    void push_runsAtMostParallelismChangesAtOnce() {
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            features.add(feature("f" + i).name("F" + i).singleUse());
        }
        Catalog desired = new Catalog(features, List.of());
        FakeAutumn four = new FakeAutumn().latency(40);
        FakeAutumn one = new FakeAutumn().latency(5);

        new CatalogSync(four, MAVEN_LIKE)
                .push(
                        new CatalogSync(four, MAVEN_LIKE).plan(desired, ALLOW),
                        PushOptions.batch().withParallelism(4));
        new CatalogSync(one, MAVEN_LIKE)
                .push(
                        new CatalogSync(one, MAVEN_LIKE).plan(desired, ALLOW),
                        PushOptions.batch().withParallelism(1));

        assertThat(four.maxInFlight()).isEqualTo(4);
        assertThat(one.maxInFlight()).isEqualTo(1);
        assertThat(four.liveFeatureIds()).hasSize(12);
    }

    @Test
    void push_failure_finishesTheLevel_startsNothingLater_andReportsEverything() {
        Catalog desired = new Catalog(List.of(API_CALLS, AI_TOKENS, SSO, CREDITS), List.of(PRO));
        FakeAutumn fake = new FakeAutumn();
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);
        Plan plan = sync.plan(desired, ALLOW);
        fake.failAt(
                2,
                false,
                new AutumnApiException(
                        "POST", "/v1/features.create", "ai_tokens", 400, "invalid_inputs", "name: too long", null));
        List<String> progress = new ArrayList<>();

        PushFailedException failure = (PushFailedException) catchThrowable(() -> sync.push(
                plan, PushOptions.batch().withParallelism(1).withListener(PushListener.printing(progress::add))));

        assertThat(fake.log()).containsExactly("createFeature api_calls");
        assertThat(failure.result().applied()).extracting(Change::id).containsExactly("api_calls");
        assertThat(failure.result().failures()).singleElement().satisfies(f -> {
            assertThat(f.step()).isEqualTo("create feature 'ai_tokens'");
            assertThat(f.status()).isEqualTo(400);
            assertThat(f.code()).isEqualTo("invalid_inputs");
        });
        assertThat(failure.result().notApplied()).extracting(Change::id).containsExactly("sso", "credits", "pro");
        assertThat(failure.getMessage()).isEqualTo("""
                        Push stopped: 1 failed, 1 applied, 3 not started.
                        Failed:
                          + feature ai_tokens: create feature 'ai_tokens': Autumn answered 400 invalid_inputs: \
                        name: too long (POST /v1/features.create)
                        Applied:
                          + feature api_calls
                        Not started:
                          + feature sso
                          + feature credits
                          + plan pro
                        Fix the cause and run 'mvn autumn:push' again; applied changes will not be repeated.""");
        assertThat(progress)
                .containsExactly(
                        "[1/5] + feature api_calls … done",
                        "[2/5] + feature ai_tokens … failed: Autumn answered 400 invalid_inputs: name: too long"
                                + " (POST /v1/features.create)",
                        "[3/5] + feature sso … not started",
                        "[4/5] + feature credits … not started",
                        "[5/5] + plan pro … not started");
    }

    @Test
    void push_failureWithChangesInFlight_letsThemFinish() {
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            features.add(feature("f" + i).name("F" + i).singleUse());
        }
        Catalog desired = new Catalog(
                features,
                List.of(product("p")
                        .name("P")
                        .item(featureItem(features.get(0)).included(1).monthly())));
        FakeAutumn fake = new FakeAutumn().latency(30);
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);
        Plan plan = sync.plan(desired, ALLOW);
        fake.gate(4)
                .failAt(
                        1,
                        false,
                        new AutumnApiException(
                                "POST", "/v1/features.create", null, 500, "internal_error", "boom", null));

        PushFailedException failure = (PushFailedException)
                catchThrowable(() -> sync.push(plan, PushOptions.batch().withParallelism(4)));

        // The first request failed while three others were in flight: they finish, nothing else starts.
        assertThat(failure.result().applied()).hasSize(3);
        assertThat(failure.result().failures()).hasSize(1);
        assertThat(failure.result().notApplied())
                .hasSize(5)
                .extracting(Change::id)
                .contains("p");
        assertThat(fake.log()).hasSize(3).noneMatch(w -> w.startsWith("createPlan"));
    }

    @Test
    void rerun_afterALostAnswer_convergesWithoutDuplicateCreates() {
        Catalog desired = Catalog.of(PRO, TOP_UP);
        FakeAutumn fake = new FakeAutumn();
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);
        Plan first = sync.plan(desired, ALLOW);
        // Request 5 of the push (after 4 feature creates) creates plan pro: Autumn applies it, the answer is lost.
        fake.failAt(5, true, new AutumnApiException("POST", "/v1/plans.create", "pro", 0, null, "timeout", null));

        assertThatThrownBy(() -> sync.push(first, PushOptions.batch().withParallelism(1)))
                .isInstanceOf(PushFailedException.class)
                .hasMessageContaining("+ plan pro: create plan 'pro': no answer from Autumn: timeout");
        Plan second = sync.plan(desired, ALLOW);
        sync.push(second, PushOptions.batch());
        Plan third = sync.plan(desired, ALLOW);

        assertThat(second.changes()).extracting(Change::headline).containsExactly("+ plan top_up");
        assertThat(third.isEmpty()).isTrue();
        assertThat(fake.log())
                .filteredOn(w -> w.startsWith("create"))
                .containsExactlyInAnyOrder(
                        "createFeature api_calls",
                        "createFeature sso",
                        "createFeature credits",
                        "createFeature ai_tokens",
                        "createPlan pro",
                        "createPlan top_up");
    }

    @Test
    void push_reportsStartedAndSucceededForEveryChange() {
        FakeAutumn fake = new FakeAutumn();
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);
        Plan plan = sync.plan(Catalog.of(PRO), ALLOW);
        List<String> events = new ArrayList<>();
        PushListener recorder = new PushListener() {
            @Override
            public void started(Progress progress) {
                events.add("started " + progress.label());
            }

            @Override
            public void succeeded(Progress progress) {
                events.add("succeeded " + progress.label());
            }
        };

        PushResult result =
                sync.push(plan, PushOptions.batch().withParallelism(1).withListener(recorder));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.applied()).hasSize(3);
        assertThat(events)
                .containsExactly(
                        "started [1/3] + feature api_calls",
                        "succeeded [1/3] + feature api_calls",
                        "started [2/3] + feature sso",
                        "succeeded [2/3] + feature sso",
                        "started [3/3] + plan pro",
                        "succeeded [3/3] + plan pro");
    }

    @Test
    void execute_planWithBlockers_isRefusedBeforeAnyRequest() {
        FakeAutumn fake = FakeAutumn.holding(Catalog.of(PRO));
        Plan plan = new CatalogSync(fake, MAVEN_LIKE)
                .plan(new Catalog(List.of(), List.of()), PlanOptions.defaults("f", false));
        int requests = fake.requests();

        assertThatThrownBy(() -> new PushExecutor(fake, 4).execute(plan, PushListener.NONE))
                .isInstanceOf(PushRefusedException.class);
        assertThat(fake.requests()).isEqualTo(requests);
    }

    private static Throwable catchThrowable(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
