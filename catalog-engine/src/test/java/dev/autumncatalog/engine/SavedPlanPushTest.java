package dev.autumncatalog.engine;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.plan.VersionPolicy;
import dev.autumncatalog.engine.push.PushRefusedException;
import dev.autumncatalog.engine.report.PlanJson;
import dev.autumncatalog.sandbox.AutumnSandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 4: a plan saved by {@code plan} is applied exactly as reviewed, and refused, before any write and
 * saying what moved, when Autumn's catalog, the customers behind its versioning decision or the catalog changed.
 */
class SavedPlanPushTest {
    private static final Feature API_CALLS =
            feature("api_calls").name("API Calls").singleUse();
    private static final Product PRO = product("pro")
            .name("Pro")
            .item(priceItem(20).monthly())
            .item(featureItem(API_CALLS).included(10_000).monthly());
    private static final Product PRO_30 = product("pro")
            .name("Pro")
            .item(priceItem(30).monthly())
            .item(featureItem(API_CALLS).included(10_000).monthly());
    private static final CatalogSource PRICING = CatalogSource.of(catalog(PRO), "com.example.Pricing");
    private static final CatalogSource PRICING_30 = CatalogSource.of(catalog(PRO_30), "com.example.Pricing");

    @TempDir
    Path work;

    private final CatalogEngine engine = CatalogEngine.create(MAVEN_LIKE, EngineListener.NONE);

    private Target sandbox() {
        return Target.localSandbox(work.resolve("sandbox.json"));
    }

    private Path savePlan(CatalogSource catalog, Decisions decisions) {
        Path file = work.resolve("reviewed.json");
        engine.plan(PlanRequest.of(catalog, sandbox()).decisions(decisions).planFile(file));
        return file;
    }

    private Pushed apply(CatalogSource catalog, Path saved) {
        return engine.push(PushRequest.of(PlanRequest.of(catalog, sandbox())).savedPlan(saved));
    }

    @Test
    void savedPlan_nothingMoved_isAppliedAsReviewed() throws Exception {
        Path saved = savePlan(PRICING, Decisions.SAFE);
        String reviewed = Files.readString(saved);

        Pushed pushed = apply(PRICING, saved);

        assertThat(pushed.result().applied())
                .extracting(c -> c.headline())
                .containsExactly("+ feature api_calls", "+ plan pro");
        assertThat(Files.readString(saved)).isEqualTo(reviewed);
        assertThat(reviewed).contains("\"basis\": {").contains("\"applicable\": true");
    }

    @Test
    void savedPlan_namedAsThePushsOwnPlanFile_isLeftAsReviewed() throws Exception {
        Path saved = savePlan(PRICING, Decisions.SAFE);
        Files.writeString(saved, Files.readString(saved) + "\n\n"); // bytes a rewrite would not keep
        String reviewed = Files.readString(saved);

        engine.push(PushRequest.of(PlanRequest.of(PRICING, sandbox())
                        .planFile(work.resolve(".").resolve("reviewed.json")))
                .savedPlan(saved));

        assertThat(Files.readString(saved)).isEqualTo(reviewed);
    }

    @Test
    void savedPlan_withAnotherPlanFile_writesThatOne() throws Exception {
        Path saved = savePlan(PRICING, Decisions.SAFE);
        Path pushed = work.resolve("pushed.json");

        engine.push(PushRequest.of(PlanRequest.of(PRICING, sandbox()).planFile(pushed))
                .savedPlan(saved));

        assertThat(pushed).exists();
        assertThat(Files.readString(pushed)).contains("\"applicable\": true");
    }

    @Test
    void savedPlan_autumnChangedSince_isRefusedBeforeAnyWrite() {
        Path saved = savePlan(PRICING, Decisions.SAFE);
        engine.push(PushRequest.of(PlanRequest.of(PRICING, sandbox()))); // someone else pushed meanwhile

        assertThatThrownBy(() -> apply(PRICING, saved))
                .isInstanceOfSatisfying(
                        StalePlanException.class,
                        e -> assertThat(e.differences())
                                .containsExactly(
                                        "Autumn's catalog changed since the plan was made",
                                        "reviewed but no longer planned: create feature api_calls",
                                        "reviewed but no longer planned: create plan pro"))
                .hasMessageEndingWith("Run 'mvn autumn:plan' again, review the new plan, and apply that one.");
    }

    @Test
    void savedPlan_catalogChangedSince_isRefused_andNothingIsWritten() {
        Path saved = savePlan(PRICING, Decisions.SAFE);

        assertThatThrownBy(() -> apply(PRICING_30, saved))
                .isInstanceOfSatisfying(
                        StalePlanException.class,
                        e -> assertThat(e.differences())
                                .containsExactly(
                                        "the catalog changed since the plan was made",
                                        "planned differently now: create plan pro"));
        assertThat(engine.plan(PlanRequest.of(PRICING, sandbox())).plan().changes())
                .hasSize(2);
    }

    @Test
    void savedPlan_customersArrivedSince_isRefused_evenThoughTheChangesReadTheSame() {
        engine.push(PushRequest.of(PlanRequest.of(PRICING, sandbox())));
        Path saved = savePlan(PRICING_30, Decisions.SAFE.versionPolicy(VersionPolicy.CREATE_VERSION));
        try (AutumnSandbox state =
                AutumnSandbox.builder().stateFile(work.resolve("sandbox.json")).start()) {
            state.addCustomers("pro", 1); // the price change now versions pro
        }

        assertThatThrownBy(() -> apply(PRICING_30, saved))
                .isInstanceOfSatisfying(
                        StalePlanException.class,
                        e -> assertThat(e.differences())
                                .contains(
                                        "the customers behind its versioning or removal decisions changed since the plan"
                                                + " was made"));
    }

    @Test
    void savedPlan_usesTheReviewedDecisions_notTodaysFlags() {
        engine.push(PushRequest.of(PlanRequest.of(PRICING, sandbox())));
        CatalogSource empty = CatalogSource.of(catalog(), "com.example.Pricing");
        Path saved = savePlan(empty, Decisions.SAFE); // reviewed without removals: not applicable

        PushRequest withTodaysOptIn = PushRequest.of(
                        PlanRequest.of(empty, sandbox()).decisions(Decisions.SAFE.allowRemovals(true)))
                .savedPlan(saved);

        assertThatThrownBy(() -> engine.push(withTodaysOptIn)).isInstanceOf(PushRefusedException.class);
    }

    @Test
    void savedPlan_missingOrWithoutBasis_isAConfigurationError() throws Exception {
        assertThatThrownBy(() -> apply(PRICING, work.resolve("nope.json")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "There is no saved plan at " + work.resolve("nope.json") + "; make one with the plan goal.");
        Path old = work.resolve("old.json");
        Files.writeString(old, "{\"format\": " + PlanJson.FORMAT + ", \"changes\": []}");
        assertThatThrownBy(() -> apply(PRICING, old)).hasMessageContaining("does not say what it was made from");
    }

    @Test
    void savedPlan_ofFormat2_isRefusedForItsFormat_notAsAChangedCatalog() throws Exception {
        // Format 2 fingerprinted other text of the catalogs: comparing its basis would report changes nobody made.
        Path old = work.resolve("format-2.json");
        Files.writeString(
                old,
                "{\"format\": 2, \"basis\": {\"catalog\": \"30cb1d6e27cae5b9\", \"autumn\": \"bb8070ef798ac17e\","
                        + " \"customers\": \"15874125b316eef9\"}, \"changes\": []}");

        assertThatThrownBy(() -> apply(PRICING, old))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The saved plan " + old
                        + " is not a plan of format 3 (was 2); make a new one with the plan goal.");
    }

    @Test
    void sandboxCustomers_areToppedUpToTheCount_notAddedEachRun() {
        engine.push(PushRequest.of(PlanRequest.of(PRICING, sandbox())));
        Target withCustomers = Target.localSandbox(work.resolve("sandbox.json")).customers(Map.of("pro", 2));

        engine.plan(PlanRequest.of(PRICING, withCustomers));
        engine.plan(PlanRequest.of(PRICING, withCustomers));

        try (AutumnSandbox state =
                AutumnSandbox.builder().stateFile(work.resolve("sandbox.json")).start()) {
            assertThat(state.customerCount("pro")).isEqualTo(2);
        }
        Target unknown = Target.localSandbox(work.resolve("sandbox.json")).customers(Map.of("team", 1));
        assertThatThrownBy(() -> engine.plan(PlanRequest.of(PRICING, unknown)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Cannot give sandbox plans customers: the sandbox has no plan 'team'")
                .hasMessageEndingWith("Push the plan to the sandbox first.");
    }
}
