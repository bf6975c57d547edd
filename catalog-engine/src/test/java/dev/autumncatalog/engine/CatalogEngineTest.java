package dev.autumncatalog.engine;

import static dev.autumncatalog.dsl.Autumn.catalog;
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
import dev.autumncatalog.engine.fixtures.LoaderFixtures;
import dev.autumncatalog.engine.load.CatalogLoadException;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.pull.PullOptions;
import dev.autumncatalog.engine.pull.PullRequest;
import dev.autumncatalog.engine.push.Interaction;
import dev.autumncatalog.engine.push.PushRefusedException;
import dev.autumncatalog.engine.text.FrontEnd;
import dev.autumncatalog.sandbox.AutumnSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade as a front end calls it: one call per operation, typed results, the front end's words. */
class CatalogEngineTest {
    private static final Feature API_CALLS =
            feature("api_calls").name("API Calls").singleUse();
    private static final Product PRO = product("pro")
            .name("Pro")
            .item(priceItem(20).monthly())
            .item(featureItem(API_CALLS).included(10_000).monthly());
    private static final CatalogSource PRICING = CatalogSource.of(catalog(PRO), "com.example.Pricing");

    @TempDir
    Path work;

    private final List<Plan> planned = new ArrayList<>();
    private final List<String> progress = new ArrayList<>();
    private final CatalogEngine engine = CatalogEngine.create(MAVEN_LIKE, new EngineListener() {
        @Override
        public void planned(Plan plan) {
            planned.add(plan);
        }

        @Override
        public void succeeded(Progress change) {
            progress.add(change.label());
        }
    });

    @Test
    void validate_loadsTheNamedClass() {
        Validated valid = engine.validate(CatalogSource.named(LoaderFixtures.Good.class.getName(), List.of()));

        assertThat(valid.className()).isEqualTo(LoaderFixtures.Good.class.getName());
        assertThat(valid.catalog().products()).extracting(Product::id).containsExactly("free");
    }

    @Test
    void validate_invalidCatalog_namesItsClassAndEveryProblem() {
        Catalog orphan = new Catalog(List.of(), List.of(PRO));

        assertThatThrownBy(() -> engine.validate(CatalogSource.of(orphan, "com.example.Pricing")))
                .isInstanceOfSatisfying(InvalidCatalogException.class, e -> {
                    assertThat(e.className()).isEqualTo("com.example.Pricing");
                    assertThat(e.problems()).isNotEmpty();
                    assertThat(e.getMessage()).contains("products[pro].items[1]");
                });
    }

    @Test
    void validate_missingClass_namesTheSettingInTheFrontEndsWords() {
        assertThatThrownBy(() -> engine.validate(CatalogSource.named("com.example.Missing", List.of())))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessageContaining("Check the name in <catalogClass> (-Dautumn.catalogClass)");
    }

    @Test
    void plan_thenPush_thenANoOpPushOfTwoRequests() throws Exception {
        Target sandbox = Target.localSandbox(work.resolve("sandbox.json"));
        Path planFile = work.resolve("autumn/plan.json");

        Planned first = engine.plan(PlanRequest.of(PRICING, sandbox).planFile(planFile));
        Pushed pushed = engine.push(PushRequest.of(PlanRequest.of(PRICING, sandbox)));
        Pushed again = engine.push(PushRequest.of(PlanRequest.of(PRICING, sandbox)));

        assertThat(first.plan().changes())
                .extracting(c -> c.headline())
                .containsExactly("+ feature api_calls", "+ plan pro");
        assertThat(first.sandboxRequests()).isEqualTo(OptionalInt.of(2));
        assertThat(Files.readString(planFile)).startsWith("{\n  \"format\": 3,");
        assertThat(pushed.result().applied()).hasSize(2);
        assertThat(progress).containsExactly("[1/2] + feature api_calls", "[2/2] + plan pro");
        assertThat(again.plan().isEmpty()).isTrue();
        assertThat(again.sandboxRequests()).isEqualTo(OptionalInt.of(2));
        assertThat(planned).hasSize(3);
        assertThat(engine.check(PlanRequest.of(PRICING, sandbox)).inSync()).isTrue();
    }

    @Test
    void push_removalWithoutTheDecision_isRefusedInTheFrontEndsWords() {
        Target sandbox = Target.localSandbox(work.resolve("sandbox.json"));
        engine.push(PushRequest.of(PlanRequest.of(PRICING, sandbox)));
        CatalogSource empty = CatalogSource.of(new Catalog(List.of(), List.of()), "com.example.Pricing");

        assertThatThrownBy(() -> engine.push(PushRequest.of(PlanRequest.of(empty, sandbox))))
                .isInstanceOf(PushRefusedException.class)
                .hasMessageContaining("allow removals with -Dautumn.allowRemovals=true");
        assertThat(engine.push(PushRequest.of(
                                PlanRequest.of(empty, sandbox).decisions(Decisions.SAFE.allowRemovals(true))))
                        .result()
                        .applied())
                .hasSize(2);
    }

    @Test
    void frontEnd_isTheOneItWasCreatedWith_soPlansAreRenderedInTheSameWords() {
        assertThat(CatalogEngine.create(MAVEN_LIKE, EngineListener.NONE).frontEnd())
                .isSameAs(MAVEN_LIKE);
        assertThat(CatalogEngine.create(FrontEnd.NEUTRAL, EngineListener.NONE).frontEnd())
                .isSameAs(FrontEnd.NEUTRAL);
    }

    @Test
    void push_toASandboxKey_isNotAskedAboutLiveAutumn() {
        String testKey = "am_sk_test_CatalogEngineTest0123456789abcdefghij";
        try (AutumnSandbox autumn = AutumnSandbox.builder().secretKeys(testKey).start()) {
            Target target = Target.api(autumn.baseUrl(), SecretKey.of(testKey, "test"), Environment.SANDBOX);
            List<String> questions = new ArrayList<>();
            Interaction yes = question -> questions.add(question);

            Pushed pushed =
                    engine.push(PushRequest.of(PlanRequest.of(PRICING, target)).interaction(yes));

            assertThat(questions).isEmpty();
            assertThat(pushed.result().applied()).hasSize(2);
        }
    }

    @Test
    void push_toLiveAutumn_askedAndDeclined_changesNothing() {
        String liveKey = "am_sk_live_" + "CatalogEngineTest0123456789abcdefghij";
        try (AutumnSandbox live = AutumnSandbox.builder().secretKeys(liveKey).start()) {
            Target target = Target.api(live.baseUrl(), SecretKey.of(liveKey, "test"), Environment.LIVE);
            List<String> questions = new ArrayList<>();
            Interaction no = question -> questions.add(question) && false;

            assertThatThrownBy(() -> engine.push(
                            PushRequest.of(PlanRequest.of(PRICING, target)).interaction(no)))
                    .isInstanceOf(PushCancelledException.class)
                    .hasMessage("Push to live Autumn cancelled; nothing was changed.");
            assertThat(questions).containsExactly("Push 2 changes to LIVE Autumn?");
            assertThat(live.requestCount()).isEqualTo(2); // the two lists of planning, no write
        }
    }

    @Test
    void api_keyIsReadOnlyOnceTheCatalogIsValid() {
        Catalog orphan = new Catalog(List.of(), List.of(PRO));
        Target noKey = Target.api(
                null,
                () -> {
                    throw new IllegalArgumentException("No Autumn secret key");
                },
                Environment.SANDBOX);

        assertThatThrownBy(() -> engine.plan(PlanRequest.of(CatalogSource.of(orphan, "P"), noKey)))
                .isInstanceOf(InvalidCatalogException.class);
        assertThatThrownBy(() -> engine.plan(PlanRequest.of(PRICING, noKey)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No Autumn secret key");
    }

    @Test
    void api_brokenCatalog_sendsNothing_andReadsNoKey_whileTheClientWarmsUpBeside() {
        Catalog orphan = new Catalog(List.of(), List.of(PRO));
        String key = "am_sk_test_CatalogEngineTest0123456789abcdefghij";
        List<String> keyReads = new ArrayList<>();
        try (AutumnSandbox autumn = AutumnSandbox.builder().secretKeys(key).start()) {
            Target target = Target.api(
                    autumn.baseUrl(),
                    () -> {
                        keyReads.add(Thread.currentThread().getName());
                        return SecretKey.of(key, "test");
                    },
                    Environment.SANDBOX);
            PlanRequest broken = PlanRequest.of(CatalogSource.of(orphan, "P"), target);

            assertThatThrownBy(() -> engine.plan(broken)).isInstanceOf(InvalidCatalogException.class);
            assertThatThrownBy(() -> engine.push(PushRequest.of(broken))).isInstanceOf(InvalidCatalogException.class);
            assertThat(autumn.requestCount()).isZero();
            assertThat(keyReads).isEmpty();

            engine.plan(PlanRequest.of(PRICING, target));
            assertThat(keyReads).containsExactly(Thread.currentThread().getName()); // the caller's thread, once
        }
    }

    @Test
    void api_keyOfTheOtherEnvironment_isRefusedInTheFrontEndsWords() {
        Target target = Target.api(null, SecretKey.of("am_sk_live_" + "x0123456789", "test"), Environment.SANDBOX);

        assertThatThrownBy(() -> engine.plan(PlanRequest.of(PRICING, target)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("set -Dautumn.environment=live to use it");
    }

    @Test
    void pull_writesWhatThePushStored() throws Exception {
        Target sandbox = Target.localSandbox(work.resolve("sandbox.json"));
        engine.push(PushRequest.of(PlanRequest.of(PRICING, sandbox)));

        Pulled pulled =
                engine.pull(sandbox, PullRequest.of(PullOptions.of("com.example.pricing"), work.resolve("pulled")));

        assertThat(pulled.result().written())
                .containsExactly(work.resolve("pulled/com/example/pricing/PulledCatalog.java"));
        assertThat(Files.readString(pulled.result().written().get(0))).contains("PRO = product(\"pro\")");
        assertThat(pulled.sandboxRequests()).isEqualTo(OptionalInt.of(2));
    }

    @Test
    void generate_namesTheFrontEndAsGenerator() throws Exception {
        FrontEnd cli = new FrontEnd() {
            @Override
            public String setting(dev.autumncatalog.engine.text.Setting setting) {
                return "--" + setting.key();
            }

            @Override
            public String command(dev.autumncatalog.engine.text.Operation operation) {
                return "autumn " + operation.word();
            }

            @Override
            public String generator() {
                return "autumn-cli";
            }

            @Override
            public String buildDirectory() {
                return "build";
            }
        };

        Generated generated = CatalogEngine.create(cli, EngineListener.NONE)
                .generate(new GenerateRequest(PRICING, "com.example.billing", work.resolve("generated")));

        assertThat(generated.files().written()).hasSize(5);
        assertThat(Files.readString(work.resolve("generated/com/example/billing/Features.java")))
                .startsWith("// Generated by autumn-cli from catalog class com.example.Pricing.\n");
    }
}
