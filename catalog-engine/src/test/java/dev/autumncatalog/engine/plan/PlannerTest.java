package dev.autumncatalog.engine.plan;

import static dev.autumncatalog.dsl.Autumn.cost;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.freeTrial;
import static dev.autumncatalog.dsl.Autumn.lastTier;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.dsl.Autumn.rollover;
import static dev.autumncatalog.dsl.Autumn.tier;
import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.OnDecrease;
import dev.autumncatalog.dsl.OnIncrease;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.FeatureUsage;
import dev.autumncatalog.engine.autumn.PlanCustomers;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.autumn.RemotePlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tables of (Autumn has, catalog has) → plan: every change kind and every field a plan can show. */
class PlannerTest {
    static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
    static final Feature AI_TOKENS = feature("ai_tokens").name("AI Tokens").singleUse();
    static final Feature MESSAGES = feature("messages").name("Messages").singleUse();
    static final Feature SEATS = feature("seats").name("Seats").continuousUse();
    static final Feature SSO = feature("sso").name("SSO").booleanFlag();
    static final Feature CREDITS =
            feature("credits").name("Credits").creditSystem(cost(API_CALLS, 1), cost(AI_TOKENS, "0.01"));

    static final Product PRO = product("pro")
            .name("Pro")
            .item(priceItem(20).monthly())
            .item(featureItem(API_CALLS).included(10_000).monthly())
            .item(featureItem(SSO));
    static final PricedFeatureItem TOKENS = pricedFeatureItem(AI_TOKENS)
            .included(1_000)
            .price("0.01")
            .payPerUse()
            .monthly();
    static final Product METERED = product("metered").name("Metered").item(TOKENS);

    private static final PlanOptions OPTIONS = PlanOptions.defaults("acme", false);

    // Field tables

    static Stream<Arguments> featureFields() {
        return Stream.of(
                arguments("name", CREDITS, rename(CREDITS, "AI Credits"), List.of("name: Credits → AI Credits")),
                arguments(
                        "type",
                        API_CALLS,
                        feature("api_calls").name("API Calls").continuousUse(),
                        List.of("type: single-use → continuous-use")),
                arguments(
                        "credit cost",
                        CREDITS,
                        credits(cost(API_CALLS, 1), cost(AI_TOKENS, "0.02")),
                        List.of("creditSchema[ai_tokens]: 0.01 → 0.02")),
                arguments(
                        "credit entry added",
                        CREDITS,
                        credits(cost(API_CALLS, 1), cost(AI_TOKENS, "0.01"), cost(MESSAGES, 2)),
                        List.of("creditSchema[messages]: none → 2")),
                arguments(
                        "credit entry removed",
                        CREDITS,
                        credits(cost(API_CALLS, 1)),
                        List.of("creditSchema[ai_tokens]: 0.01 → none")),
                arguments(
                        "credit entries reordered",
                        CREDITS,
                        credits(cost(AI_TOKENS, "0.010"), cost(API_CALLS, 1)),
                        List.of()),
                arguments(
                        "credit target renamed elsewhere",
                        CREDITS,
                        credits(cost(rename(API_CALLS, "Calls"), 1), cost(AI_TOKENS, "0.01")),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("featureFields")
    void plan_featureFieldChanged_emitsUpdateWithThatField(
            String name, Feature remote, Feature local, List<String> expected) {
        Plan plan = plan(new Catalog(List.of(local), List.of()), remote(List.of(remote), List.of()));

        List<Change> own = changesOf(plan, local.id());
        if (expected.isEmpty()) {
            assertThat(plan.changes()).isEmpty();
        } else {
            assertThat(own).singleElement().isInstanceOf(Change.UpdateFeature.class);
            assertThat(fields(own.get(0))).containsExactlyElementsOf(expected);
        }
    }

    static Stream<Arguments> planFields() {
        Product noPrice = product("pro")
                .name("Pro")
                .item(featureItem(API_CALLS).included(10_000).monthly())
                .item(featureItem(SSO));
        Product trial = PRO.freeTrial(freeTrial(14).days());
        Product twoResets = product("pro")
                .name("Pro")
                .item(featureItem(API_CALLS).included(10_000).monthly())
                .item(featureItem(API_CALLS).included(500).noReset());
        return Stream.of(
                row("name", PRO, PRO.name("Pro plan"), "name: Pro → Pro plan"),
                row("description added", PRO, PRO.description("For teams"), "description: none → For teams"),
                row("description removed", PRO.description("For teams"), PRO, "description: For teams → none"),
                row("group", PRO.group("main"), PRO.group("plans"), "group: main → plans"),
                row("add-on", PRO, PRO.addOn(), "addOn: false → true"),
                row("default", noPrice, noPrice.defaultProduct(), "default: false → true"),
                row("trial added", PRO, trial, "freeTrial: none → 14 days, card required"),
                row("trial removed", trial, PRO, "freeTrial: 14 days, card required → none"),
                row(
                        "trial duration",
                        trial,
                        PRO.freeTrial(freeTrial(1).months()),
                        "freeTrial.duration: 14 days → 1 month"),
                row(
                        "trial card",
                        trial,
                        PRO.freeTrial(freeTrial(14).days().noCardRequired()),
                        "freeTrial.cardRequired: true → false"),
                row("price amount", PRO, swap(PRO, 0, priceItem("25.5").monthly()), "price.amount: $20 → $25.50"),
                row("price interval", PRO, swap(PRO, 0, priceItem(20).yearly()), "price.interval: month → year"),
                row("price added", noPrice, PRO, "price: none → $20 per month"),
                row("price removed", PRO, noPrice, "price: $20 per month → none"),
                row(
                        "included",
                        PRO,
                        swap(PRO, 1, featureItem(API_CALLS).included(20_000).monthly()),
                        "items[api_calls].included: 10,000 → 20,000"),
                row(
                        "unlimited",
                        PRO,
                        swap(PRO, 1, featureItem(API_CALLS).unlimited()),
                        "items[api_calls].included: 10,000 → unlimited",
                        "items[api_calls].reset: month → none"),
                row(
                        "reset",
                        PRO,
                        swap(PRO, 1, featureItem(API_CALLS).included(10_000).noReset()),
                        "items[api_calls].reset: month → one-off"),
                row(
                        "entity",
                        PRO,
                        swap(
                                PRO,
                                1,
                                featureItem(API_CALLS)
                                        .included(10_000)
                                        .monthly()
                                        .perEntity(SEATS)),
                        "items[api_calls].entity: none → seats"),
                row("item added", PRO, PRO.item(featureItem(SEATS).included(5)), "items[seats]: none → 5"),
                row("item removed", PRO, remove(PRO, 2), "items[sso]: granted → none"),
                row("items reordered", PRO, reversed(PRO)),
                row(
                        "item feature renamed elsewhere",
                        PRO,
                        swap(
                                PRO,
                                1,
                                featureItem(rename(API_CALLS, "Calls"))
                                        .included(10_000)
                                        .monthly())),
                row(
                        "second item of a feature",
                        twoResets,
                        swap(
                                twoResets,
                                1,
                                featureItem(API_CALLS).included(1_000).noReset()),
                        "items[api_calls@one-off].included: 500 → 1,000"),
                row(
                        "usage price",
                        METERED,
                        priced(pricedFeatureItem(AI_TOKENS)
                                .included(1_000)
                                .price("0.02")
                                .payPerUse()
                                .monthly()),
                        "items[ai_tokens].price: $0.01 → $0.02"),
                row(
                        "billing units",
                        METERED,
                        priced(pricedFeatureItem(AI_TOKENS)
                                .included(1_000)
                                .price("0.01")
                                .per(1_000)
                                .payPerUse()
                                .monthly()),
                        "items[ai_tokens].billingUnits: 1 → 1,000"),
                row(
                        "billing method",
                        METERED,
                        priced(pricedFeatureItem(AI_TOKENS)
                                .included(1_000)
                                .price("0.01")
                                .prepaid()
                                .monthly()),
                        "items[ai_tokens].billingMethod: pay-per-use → prepaid"),
                row(
                        "billing interval",
                        METERED,
                        priced(pricedFeatureItem(AI_TOKENS)
                                .included(1_000)
                                .price("0.01")
                                .payPerUse()
                                .yearly()),
                        "items[ai_tokens].billing: month → year"),
                row(
                        "reset other than billing",
                        priced(pricedFeatureItem(AI_TOKENS)
                                .price("0.01")
                                .prepaid()
                                .monthly()),
                        priced(pricedFeatureItem(AI_TOKENS)
                                .price("0.01")
                                .prepaid()
                                .monthly()
                                .noReset()),
                        "items[ai_tokens].reset: none → one-off"),
                row(
                        "reset equal to billing is no reset",
                        priced(pricedFeatureItem(AI_TOKENS)
                                .price("0.01")
                                .prepaid()
                                .monthly()),
                        priced(pricedFeatureItem(AI_TOKENS)
                                .price("0.01")
                                .prepaid()
                                .monthly()
                                .resetEvery(1, dev.autumncatalog.dsl.Interval.MONTH))),
                row(
                        "max purchase",
                        METERED,
                        priced(TOKENS.maxPurchase(100_000)),
                        "items[ai_tokens].maxPurchase: none → 100,000"),
                row(
                        "rollover",
                        METERED,
                        priced(TOKENS.rollover(rollover().upTo(500).forMonths(1))),
                        "items[ai_tokens].rollover: none → up to 500 for 1 month"),
                row(
                        "rollover cap",
                        priced(TOKENS.rollover(rollover().upTo(500).forMonths(1))),
                        priced(TOKENS.rollover(rollover().upToPercent(50).forever())),
                        "items[ai_tokens].rollover: up to 500 for 1 month → up to 50% forever"),
                row(
                        "proration is not compared",
                        priced(pricedFeatureItem(AI_TOKENS)
                                .price("0.01")
                                .prepaid()
                                .monthly()),
                        priced(pricedFeatureItem(AI_TOKENS)
                                .price("0.01")
                                .prepaid()
                                .monthly()
                                .prorate(OnIncrease.PRORATE_NEXT_CYCLE, OnDecrease.NONE))),
                row(
                        "price to tiers",
                        METERED,
                        priced(pricedFeatureItem(AI_TOKENS)
                                .included(1_000)
                                .tiers(tier(10_000, "0.01"), lastTier("0.005"))
                                .payPerUse()
                                .monthly()),
                        "items[ai_tokens].tierBehavior: none → graduated",
                        "items[ai_tokens].tiers[0]: none → up to 10,000 at $0.01",
                        "items[ai_tokens].tiers[1]: none → rest at $0.005",
                        "items[ai_tokens].price: $0.01 → none"),
                row(
                        "tier bound",
                        priced(pricedFeatureItem(AI_TOKENS)
                                .tiers(tier(10_000, "0.01"), lastTier("0.005"))
                                .payPerUse()
                                .monthly()),
                        priced(pricedFeatureItem(AI_TOKENS)
                                .tiers(tier(20_000, "0.01"), lastTier("0.005"))
                                .payPerUse()
                                .monthly()),
                        "items[ai_tokens].tiers[0]: up to 10,000 at $0.01 → up to 20,000 at $0.01"),
                row(
                        "volume tiers with a flat amount",
                        priced(pricedFeatureItem(AI_TOKENS)
                                .tiers(tier(10_000, "0.01"), lastTier("0.005"))
                                .prepaid()
                                .monthly()),
                        priced(pricedFeatureItem(AI_TOKENS)
                                .volumeTiers(
                                        new dev.autumncatalog.dsl.Tier(
                                                10_000L,
                                                new java.math.BigDecimal("0.01"),
                                                new java.math.BigDecimal("20")),
                                        lastTier("0.005"))
                                .prepaid()
                                .monthly()),
                        "items[ai_tokens].tierBehavior: graduated → volume",
                        "items[ai_tokens].tiers[0]: up to 10,000 at $0.01 → up to 10,000 at $0.01 + $20 flat"),
                row(
                        "allowance to usage price",
                        product("metered")
                                .name("Metered")
                                .item(featureItem(AI_TOKENS).included(1_000).monthly()),
                        METERED,
                        "items[ai_tokens].price: none → $0.01",
                        "items[ai_tokens].billingUnits: none → 1",
                        "items[ai_tokens].billingMethod: none → pay-per-use",
                        "items[ai_tokens].billing: none → month",
                        "items[ai_tokens].reset: month → none"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planFields")
    void plan_planFieldChanged_emitsUpdateWithThatField(
            String name, Product remote, Product local, List<String> expected) {
        Catalog desired = new Catalog(List.of(), List.of(local));
        Plan plan = plan(desired, remote(List.of(), List.of(remote)));

        List<Change> own = changesOf(plan, local.id());
        if (expected.isEmpty()) {
            assertThat(plan.changes()).isEmpty();
        } else {
            assertThat(own).singleElement().isInstanceOf(Change.UpdatePlan.class);
            assertThat(fields(own.get(0))).containsExactlyElementsOf(expected);
        }
    }

    // Change kinds

    @Test
    void plan_newFeatureAndPlan_emitCreatesWithEveryField() {
        Plan plan = plan(Catalog.of(PRO), remote(List.of(), List.of()));

        assertThat(plan.changes())
                .extracting(Change::headline)
                .containsExactly("+ feature api_calls", "+ feature sso", "+ plan pro");
        assertThat(fields(plan.changes().get(0))).containsExactly("name: none → API Calls", "type: none → single-use");
        assertThat(fields(plan.changes().get(2)))
                .containsExactly(
                        "name: none → Pro",
                        "price: none → $20 per month",
                        "items[api_calls]: none → 10,000 per month",
                        "items[sso]: none → granted");
    }

    @Test
    void plan_unchangedCatalog_isEmpty() {
        Catalog catalog = Catalog.of(PRO, CREDITS, METERED);

        assertThat(plan(catalog, Catalogs.remote(catalog)).changes()).isEmpty();
    }

    @Test
    void plan_creditSystemBeforeItsFeaturesInCatalog_ordersByLevel() {
        Catalog catalog = new Catalog(List.of(CREDITS, API_CALLS, AI_TOKENS), List.of(METERED));

        Plan plan = plan(catalog, remote(List.of(), List.of()));

        assertThat(plan.changes())
                .extracting(Change::level)
                .containsExactly(Level.FEATURES, Level.FEATURES, Level.CREDIT_SYSTEMS, Level.PLANS);
        assertThat(plan.changes())
                .extracting(Change::id)
                .containsExactly("api_calls", "ai_tokens", "credits", "metered");
    }

    @Test
    void plan_archivedRemoteBackUnchanged_emitsPlainUnarchive() {
        RemoteCatalog remote = new RemoteCatalog(
                List.of(
                        new RemoteFeature("api_calls", API_CALLS, true, List.of()),
                        new RemoteFeature("sso", SSO, false, List.of())),
                List.of(new RemotePlan("pro", PRO, true, 2, List.of())));

        Plan plan = plan(Catalog.of(PRO), remote);

        assertThat(plan.changes()).extracting(Change::headline).containsExactly("↺ feature api_calls", "↺ plan pro");
        assertThat(((Change.UnarchiveFeature) plan.changes().get(0)).flagOnly()).isTrue();
        assertThat(((Change.UnarchivePlan) plan.changes().get(1)).flagOnly()).isTrue();
        assertThat(Lookups.of(plan).isEmpty()).isTrue();
    }

    @Test
    void plan_archivedRemoteBackChanged_emitsUnarchiveWithUpdate() {
        RemoteCatalog remote = new RemoteCatalog(
                List.of(
                        new RemoteFeature("api_calls", rename(API_CALLS, "Calls"), true, List.of()),
                        new RemoteFeature("sso", SSO, false, List.of())),
                List.of(new RemotePlan("pro", PRO.name("Old"), true, 1, List.of())));

        Plan plan = plan(Catalog.of(PRO), remote);

        assertThat(plan.changes()).hasSize(2);
        assertThat(fields(plan.changes().get(0))).containsExactly("name: Calls → API Calls");
        assertThat(((Change.UnarchiveFeature) plan.changes().get(0)).flagOnly()).isFalse();
        assertThat(fields(plan.changes().get(1))).containsExactly("name: Old → Pro");
    }

    @Test
    void plan_archivedAndKeptArchivedByTheCatalog_isEmpty() {
        RemoteCatalog remote = new RemoteCatalog(
                List.of(
                        new RemoteFeature("api_calls", API_CALLS.archived(), true, List.of()),
                        new RemoteFeature("sso", SSO, false, List.of())),
                List.of(new RemotePlan("pro", PRO.archived(), true, 2, List.of())));

        Plan plan = plan(new Catalog(List.of(API_CALLS.archived(), SSO), List.of(PRO.archived())), remote);

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void plan_catalogArchivesWhatAutumnHasLive_updatesTheFlagOnly() {
        Plan plan = plan(
                new Catalog(List.of(API_CALLS.archived(), SSO), List.of(PRO.archived())),
                remote(List.of(API_CALLS, SSO), List.of(PRO)));

        assertThat(plan.changes()).extracting(Change::headline).containsExactly("~ feature api_calls", "~ plan pro");
        assertThat(fields(plan.changes().get(0))).containsExactly("archived: false → true");
        assertThat(((Change.UpdateFeature) plan.changes().get(0)).flagOnly()).isTrue();
        assertThat(((Change.UpdatePlan) plan.changes().get(1)).flagOnly()).isTrue();
        assertThat(((Change.UpdatePlan) plan.changes().get(1)).needsVersionCheck())
                .as("an archive never creates a version")
                .isFalse();
        assertThat(plan.blockers()).isEmpty();
    }

    @Test
    void plan_archivedAndChanged_isAnUpdateThatKeepsItArchived() {
        RemoteCatalog remote = new RemoteCatalog(
                List.of(new RemoteFeature(
                        "api_calls", rename(API_CALLS, "Calls").archived(), true, List.of())),
                List.of());

        Plan plan = plan(new Catalog(List.of(API_CALLS.archived()), List.of()), remote);

        assertThat(plan.changes()).singleElement().isInstanceOf(Change.UpdateFeature.class);
        assertThat(fields(plan.changes().get(0))).containsExactly("name: Calls → API Calls");
    }

    @Test
    void plan_newArchivedEntities_areCreatedAndSayArchived() {
        Plan plan = plan(new Catalog(List.of(SSO.archived()), List.of()), remote(List.of(), List.of()));

        assertThat(plan.changes()).singleElement().isInstanceOf(Change.CreateFeature.class);
        assertThat(fields(plan.changes().get(0)))
                .containsExactly("name: none → SSO", "type: none → boolean", "archived: none → true");
    }

    @Test
    void plan_eventNames_comparedAsASet() {
        Feature tracked = API_CALLS.eventNames("api.request", "api.batch");
        RemoteCatalog remote = remote(List.of(tracked), List.of());

        assertThat(plan(new Catalog(List.of(API_CALLS.eventNames("api.batch", "api.request")), List.of()), remote)
                        .changes())
                .isEmpty();
        assertThat(fields(plan(new Catalog(List.of(API_CALLS.eventNames("api.request")), List.of()), remote)
                        .changes()
                        .get(0)))
                .containsExactly("eventNames[api.batch]: true → none");
    }

    @Test
    void plan_grantBesidePrepaidPackOfOneFeatureAndReset_labelsSayTheKind() {
        Product before = product("pro")
                .name("Pro")
                .item(featureItem(API_CALLS).included(100).monthly())
                .item(pricedFeatureItem(API_CALLS).price(5).per(1_000).prepaid().monthly());
        Product after = product("pro")
                .name("Pro")
                .item(featureItem(API_CALLS).included(200).monthly())
                .item(pricedFeatureItem(API_CALLS).price(6).per(1_000).prepaid().monthly());

        Plan plan = plan(Catalog.of(after), remote(List.of(API_CALLS), List.of(before)));

        assertThat(fields(plan.changes().get(0)))
                .containsExactly(
                        "items[api_calls@month#prepaid].price: $5 → $6",
                        "items[api_calls@month#unpriced].included: 100 → 200");
        assertThat(plan(Catalog.of(after), remote(List.of(API_CALLS), List.of(reversed(after))))
                        .changes())
                .as("the server's order")
                .isEmpty();
    }

    @Test
    void plan_archivedRemoteNotInCatalog_isLeftAlone() {
        RemoteCatalog remote = new RemoteCatalog(
                List.of(new RemoteFeature("old", SSO, true, List.of())),
                List.of(new RemotePlan("legacy", PRO, true, 1, List.of())));

        assertThat(plan(new Catalog(List.of(), List.of()), remote).changes()).isEmpty();
    }

    @Test
    void plan_remoteNotInCatalog_withoutFacts_removalIsUndecidedAndBlocks() {
        Plan plan = plan(new Catalog(List.of(), List.of()), Catalogs.remote(Catalog.of(PRO)));

        assertThat(plan.changes())
                .extracting(Change::headline)
                .containsExactly("- plan pro", "- feature api_calls", "- feature sso");
        assertThat(plan.changes()).allSatisfy(c -> assertThat(Plan.removal(c)).isEqualTo(Removal.UNDECIDED));
        assertThat(Lookups.of(plan)).isEqualTo(new Lookups(List.of(), List.of("pro"), List.of("api_calls", "sso")));
        assertThat(plan.withOptions(OPTIONS.withAllowRemovals(true)).blockers())
                .extracting(Blocker::kind)
                .containsExactly(Blocker.Kind.UNDECIDED);
    }

    @Test
    void plan_removedPlan_archivedWithCustomers_deletedWithout() {
        Catalog held = Catalog.of(PRO, with(product("legacy").name("Legacy"), PRO.items()));
        LiveFacts facts = new LiveFacts(Map.of(), Map.of("legacy", true), Map.of());

        Plan archived = new Planner().plan(Catalog.of(PRO), Catalogs.remote(held), OPTIONS, facts);
        Plan deleted = new Planner()
                .plan(
                        Catalog.of(PRO),
                        Catalogs.remote(held),
                        OPTIONS,
                        new LiveFacts(Map.of(), Map.of("legacy", false), Map.of()));

        assertThat(Plan.removal(archived.changes().get(0)))
                .isEqualTo(new Removal(Removal.Decision.ARCHIVE, "it has customers"));
        assertThat(Plan.removal(deleted.changes().get(0)))
                .isEqualTo(new Removal(Removal.Decision.DELETE, "it has no customers"));
    }

    @Nested
    class FeatureRemovals {
        final Product uses = product("uses")
                .name("Uses")
                .item(featureItem(MESSAGES).included(5).monthly());

        Removal removal(Catalog desired, Catalog held, LiveFacts facts, PlanOptions options) {
            Plan plan = new Planner().plan(desired, Catalogs.remote(held), options, facts);
            return plan.changes().stream()
                    .filter(c -> c.id().equals("messages") && c.action() == Change.Action.REMOVE)
                    .map(Plan::removal)
                    .findFirst()
                    .orElseThrow();
        }

        LiveFacts usage(int items, Map<String, Boolean> hasCustomers, Map<String, PlanCustomers> customers) {
            return new LiveFacts(customers, hasCustomers, Map.of("messages", new FeatureUsage("Uses", items)));
        }

        @Test
        void unused_isDeleted() {
            Removal removal =
                    removal(Catalog.of(PRO), Catalog.of(PRO, MESSAGES), usage(0, Map.of(), Map.of()), OPTIONS);

            assertThat(removal).isEqualTo(new Removal(Removal.Decision.DELETE, "nothing uses it"));
        }

        @Test
        void usedByAPlanArchivedEarlier_isArchived() {
            RemoteCatalog remote = new RemoteCatalog(
                    List.of(new RemoteFeature("messages", MESSAGES, false, List.of())),
                    List.of(new RemotePlan("uses", uses, true, 1, List.of())));

            Plan plan = new Planner()
                    .plan(new Catalog(List.of(), List.of()), remote, OPTIONS, usage(1, Map.of(), Map.of()));

            assertThat(plan.changes()).extracting(Change::headline).containsExactly("- feature messages");
            assertThat(Plan.removal(plan.changes().get(0)))
                    .isEqualTo(new Removal(Removal.Decision.ARCHIVE, "a plan item uses it, e.g. in \"Uses\""));
        }

        @Test
        void usedOnlyByADeletedPlan_isDeleted() {
            Removal removal =
                    removal(Catalog.of(PRO), Catalog.of(PRO, uses), usage(1, Map.of("uses", false), Map.of()), OPTIONS);

            assertThat(removal)
                    .isEqualTo(new Removal(Removal.Decision.DELETE, "only plans this push removes or changes use it"));
        }

        @Test
        void usedByAnArchivedPlan_isArchived() {
            Removal removal =
                    removal(Catalog.of(PRO), Catalog.of(PRO, uses), usage(1, Map.of("uses", true), Map.of()), OPTIONS);

            assertThat(removal)
                    .isEqualTo(new Removal(Removal.Decision.ARCHIVE, "a plan item uses it, e.g. in \"Uses\""));
        }

        @Test
        void usedByOlderVersionsToo_isArchived() {
            Removal removal =
                    removal(Catalog.of(PRO), Catalog.of(PRO, uses), usage(2, Map.of("uses", false), Map.of()), OPTIONS);

            assertThat(removal.decision()).isEqualTo(Removal.Decision.ARCHIVE);
            assertThat(removal.reason()).isEqualTo("2 plan items use it, e.g. in \"Uses\"");
        }

        @Test
        void droppedFromAPlanUpdatedInPlace_isDeleted() {
            Product without = product("uses").name("Uses").item(featureItem(SSO));
            Map<String, PlanCustomers> noVersion = Map.of("uses", new PlanCustomers(1, false, false));

            Removal removal =
                    removal(Catalog.of(without), Catalog.of(uses, SSO), usage(1, Map.of(), noVersion), OPTIONS);

            assertThat(removal.decision()).isEqualTo(Removal.Decision.DELETE);
        }

        @Test
        void droppedFromAPlanThatVersions_isArchived_unlessUpdatedInPlace() {
            Product without = product("uses").name("Uses").item(featureItem(SSO));
            Map<String, PlanCustomers> versions = Map.of("uses", new PlanCustomers(1, true, false));
            PlanOptions create = OPTIONS.withVersionPolicy(VersionPolicy.CREATE_VERSION);
            PlanOptions inPlace = OPTIONS.withVersionPolicy(VersionPolicy.UPDATE_IN_PLACE);

            assertThat(removal(Catalog.of(without), Catalog.of(uses, SSO), usage(1, Map.of(), versions), create)
                            .decision())
                    .isEqualTo(Removal.Decision.ARCHIVE);
            assertThat(removal(Catalog.of(without), Catalog.of(uses, SSO), usage(1, Map.of(), versions), inPlace)
                            .decision())
                    .isEqualTo(Removal.Decision.DELETE);
        }

        @Test
        void usedByACreditSystemThatStays_isArchived() {
            Feature pool = feature("pool").name("Pool").creditSystem(cost(MESSAGES, 1));
            RemoteCatalog remote = new RemoteCatalog(
                    List.of(
                            new RemoteFeature("messages", MESSAGES, false, List.of()),
                            new RemoteFeature("pool", pool, true, List.of())),
                    List.of());

            Plan plan = new Planner()
                    .plan(new Catalog(List.of(), List.of()), remote, OPTIONS, usage(0, Map.of(), Map.of()));

            assertThat(Plan.removal(plan.changes().get(0)))
                    .isEqualTo(new Removal(Removal.Decision.ARCHIVE, "credit system 'pool' uses it"));
        }

        @Test
        void usedByACreditSystemThatIsDeleted_isDeleted() {
            Feature pool = feature("pool").name("Pool").creditSystem(cost(MESSAGES, 1));
            LiveFacts facts = new LiveFacts(
                    Map.of(),
                    Map.of(),
                    Map.of("messages", new FeatureUsage(null, 0), "pool", new FeatureUsage(null, 0)));

            Plan plan = new Planner()
                    .plan(new Catalog(List.of(), List.of()), Catalogs.remote(Catalog.of(pool)), OPTIONS, facts);

            assertThat(plan.changes())
                    .extracting(Change::headline)
                    .containsExactly("- feature pool", "- feature messages");
            assertThat(plan.changes())
                    .extracting(c -> Plan.removal(c).decision())
                    .containsExactly(Removal.Decision.DELETE, Removal.Decision.DELETE);
        }

        @Test
        void usedAsEntityFeatureByAPlanThatStays_isArchived() {
            Feature seats = feature("messages").name("Seats").continuousUse();
            Product perSeat = product("per_seat")
                    .name("Per seat")
                    .item(featureItem(API_CALLS).included(5).monthly().perEntity(seats));
            RemoteCatalog remote = Catalogs.remote(new Catalog(List.of(API_CALLS, seats), List.of(perSeat)));
            Product desired = product("per_seat")
                    .name("Per seat renamed")
                    .item(featureItem(API_CALLS).included(5).monthly().perEntity(seats));

            // The catalog keeps referencing it, so it is kept; an archived copy of the plan would keep it too.
            Plan plan = new Planner()
                    .plan(
                            new Catalog(List.of(API_CALLS), List.of(desired)),
                            remote,
                            OPTIONS,
                            usage(0, Map.of(), Map.of()));
            assertThat(plan.changes()).noneMatch(c -> c.action() == Change.Action.REMOVE);

            Plan gone = new Planner()
                    .plan(
                            new Catalog(List.of(API_CALLS), List.of()),
                            new RemoteCatalog(
                                    remote.features(),
                                    List.of(new RemotePlan("per_seat", perSeat, true, 1, List.of()))),
                            OPTIONS,
                            usage(0, Map.of(), Map.of()));
            assertThat(Plan.removal(gone.changes().get(0)))
                    .isEqualTo(new Removal(Removal.Decision.ARCHIVE, "a plan uses it as entity feature"));
        }
    }

    @Test
    void plan_removedContinuousFeature_whilePlansHaveOlderVersions_isArchived() {
        Product team = product("team").name("Team").item(priceItem(50).monthly());
        RemoteCatalog remote = new RemoteCatalog(
                List.of(
                        new RemoteFeature("seats", SEATS, false, List.of()),
                        new RemoteFeature("sso", SSO, false, List.of())),
                List.of(new RemotePlan("team", team, false, 3, List.of())));
        LiveFacts facts = new LiveFacts(
                Map.of(), Map.of(), Map.of("seats", new FeatureUsage(null, 0), "sso", new FeatureUsage(null, 0)));

        Plan plan = new Planner().plan(Catalog.of(team), remote, OPTIONS, facts);

        // Versions 1 and 2 of 'team' are invisible and may use seats per entity; a boolean cannot be an entity.
        assertThat(plan.changes())
                .extracting(c -> c.id() + ": " + Plan.removal(c))
                .containsExactly(
                        "seats: Removal[decision=ARCHIVE, reason=older versions of plan 'team' may use it as entity feature]",
                        "sso: Removal[decision=DELETE, reason=nothing uses it]");
    }

    @Test
    void plan_defaultMovesToAnotherPlan_releasesTheOldDefaultFirst() {
        Product free = product("free").name("Free").defaultProduct().item(featureItem(SSO));
        Product starter = product("starter").name("Starter").item(featureItem(SSO));
        Product trial = product("trial")
                .name("Trial")
                .item(priceItem(20).monthly())
                .freeTrial(freeTrial(14).days().noCardRequired())
                .defaultProduct();
        Catalog held = Catalog.of(free, starter, trial);

        Plan swapped = plan(
                Catalog.of(with(product("free").name("Free"), free.items()), starter.defaultProduct(), trial),
                Catalogs.remote(held));
        Plan replaced = plan(Catalog.of(starter.defaultProduct(), trial), Catalogs.remote(held));
        Plan otherGroup = plan(Catalog.of(free, starter.defaultProduct().group("extra"), trial), Catalogs.remote(held));

        assertThat(swapped.changes())
                .extracting(c -> c.headline() + " " + c.level())
                .containsExactly("~ plan free PLAN_DEFAULT_RELEASES", "~ plan starter PLANS");
        assertThat(replaced.changes())
                .extracting(c -> c.headline() + " " + c.level())
                .containsExactly("- plan free PLAN_DEFAULT_RELEASES", "~ plan starter PLANS");
        // a default trial is another slot than a free default, and another group another slot again
        assertThat(otherGroup.changes()).extracting(Change::level).containsExactly(Level.PLANS);
    }

    @Test
    void plan_neverRemovesAFeatureTheCatalogReferences_evenWhenNotListed() {
        Catalog desired = new Catalog(List.of(), List.of(PRO)); // features not listed, but referenced

        Plan plan = plan(desired, Catalogs.remote(Catalog.of(PRO)));

        assertThat(plan.changes()).isEmpty();
    }

    @Test
    void plan_versioningFacts_attachOnlyToPricedChanges() {
        Catalog held = Catalog.of(PRO, METERED);
        Catalog desired = Catalog.of(PRO.name("Pro 2"), priced(TOKENS.maxPurchase(10)));
        LiveFacts facts = new LiveFacts(
                Map.of("pro", new PlanCustomers(2, true, false), "metered", new PlanCustomers(2, true, false)),
                Map.of(),
                Map.of());

        Plan plan = new Planner().plan(desired, Catalogs.remote(held), OPTIONS, facts);

        assertThat(Lookups.of(new Planner().plan(desired, Catalogs.remote(held), OPTIONS))
                        .planCustomers())
                .extracting(Product::id)
                .containsExactly("metered");
        assertThat(plan.changes()).extracting(Plan::versioning).containsExactly(null, new Versioning(2, true));
        assertThat(plan.blockers()).extracting(Blocker::kind).containsExactly(Blocker.Kind.VERSIONS);
        assertThat(plan.withOptions(OPTIONS.withVersionPolicy(VersionPolicy.CREATE_VERSION))
                        .blockers())
                .isEmpty();
    }

    @Test
    void plan_updateUsingAFeatureThisPushCreates_estimatesVersioningFromCustomers() {
        Product withMessages = PRO.item(featureItem(MESSAGES).included(10).monthly());
        Catalog desired = Catalog.of(withMessages);
        RemoteCatalog remote = Catalogs.remote(Catalog.of(PRO));

        Plan draft = plan(desired, remote);
        Plan plan =
                new Planner().plan(desired, remote, OPTIONS, new LiveFacts(Map.of(), Map.of("pro", true), Map.of()));

        // Autumn answers 404 feature_not_found when asked about a plan whose features it does not have yet.
        assertThat(Lookups.of(draft)).isEqualTo(new Lookups(List.of(), List.of("pro"), List.of()));
        assertThat(Plan.versioning(plan.changes().get(1))).isEqualTo(new Versioning(1, true, true));
        assertThat(plan.blockers())
                .extracting(Blocker::message)
                .singleElement()
                .asString()
                .contains("plan pro (version 2 if its current version has customers)");
    }

    @Test
    void plan_pricedUpdateWithoutFacts_blocksUntilAutumnIsAsked() {
        Plan plan = plan(Catalog.of(swap(PRO, 0, priceItem(25).monthly())), Catalogs.remote(Catalog.of(PRO)));

        assertThat(plan.blockers()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(Blocker.Kind.UNDECIDED);
            assertThat(b.message(MAVEN_LIKE))
                    .isEqualTo("Autumn was not asked about plan pro (new version?). Make the plan again with live"
                            + " lookups.");
        });
    }

    @Test
    void plan_remoteWithUnsupportedContent_unchanged_warnsAndLeavesIt() {
        RemoteCatalog remote = new RemoteCatalog(
                List.of(
                        new RemoteFeature("api_calls", API_CALLS, false, List.of("event names [api]")),
                        new RemoteFeature("sso", SSO, false, List.of())),
                List.of(new RemotePlan("pro", PRO, false, 1, List.of("metadata {\"tier\":\"gold\"}"))));

        Plan plan = plan(Catalog.of(PRO), remote);

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.warnings())
                .extracting(Warning::toString)
                .containsExactly(
                        "feature api_calls: has what the DSL cannot express, left as it is: event names [api]",
                        "plan pro: has what the DSL cannot express, left as it is: metadata {\"tier\":\"gold\"}");
    }

    @Test
    void plan_remoteWithUnsupportedContent_changed_dropsItOnlyWithOptIn() {
        RemoteCatalog remote = new RemoteCatalog(
                List.of(
                        new RemoteFeature("api_calls", API_CALLS, false, List.of()),
                        new RemoteFeature("sso", SSO, false, List.of())),
                List.of(new RemotePlan("pro", PRO.name("Old"), false, 1, List.of("variant 'annual'"))));

        Plan plan = plan(Catalog.of(PRO), remote);

        assertThat(plan.changes()).singleElement().satisfies(c -> {
            assertThat(c.dropped()).containsExactly("variant 'annual'");
            assertThat(fields(c)).containsExactly("name: Old → Pro");
        });
        assertThat(plan.blockers()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo(Blocker.Kind.DROPS);
            assertThat(b.message(MAVEN_LIKE)).contains("-Dautumn.dropUnsupported=true");
        });
        assertThat(plan.withOptions(OPTIONS.withDropUnsupported(true)).blockers())
                .isEmpty();
    }

    @Test
    void plan_remoteTheDslCannotRead_isReplacedWithEveryField_andDropsIt() {
        RemoteCatalog remote = new RemoteCatalog(
                List.of(
                        new RemoteFeature("api_calls", null, false, List.of()),
                        new RemoteFeature("sso", SSO, false, List.of())),
                List.of(new RemotePlan("pro", null, true, 3, List.of("variants: 2"))));

        Plan plan = plan(Catalog.of(PRO), remote);

        assertThat(plan.changes()).extracting(Change::headline).containsExactly("~ feature api_calls", "↺ plan pro");
        assertThat(plan.changes().get(0).dropped()).containsExactly("a feature the DSL cannot read");
        assertThat(fields(plan.changes().get(0))).containsExactly("name: none → API Calls", "type: none → single-use");
        assertThat(plan.changes().get(1).dropped()).containsExactly("variants: 2");
        assertThat(Lookups.of(plan).planCustomers()).extracting(Product::id).containsExactly("pro");
    }

    @Test
    void plan_typeChangeOfAFeatureInUse_warns() {
        Feature continuous = feature("api_calls").name("API Calls").continuousUse();
        Product pro = product("pro").name("Pro").item(featureItem(continuous).included(5));

        Plan plan = plan(Catalog.of(pro), Catalogs.remote(Catalog.of(PRO)));

        assertThat(plan.warnings())
                .extracting(Warning::toString)
                .contains(
                        "feature api_calls: changes type from single-use to continuous-use while plans use it; Autumn refuses"
                                + " type changes of features in use");
    }

    @Test
    void plan_comparesTypedValues_notTheirWording() {
        // A feature item that becomes priced keeps its included usage: one kind of value on both sides, no line.
        Product granted = product("pro")
                .name("Pro")
                .item(featureItem(API_CALLS).included(1_000).monthly());
        Product priced = product("pro")
                .name("Pro")
                .item(pricedFeatureItem(API_CALLS)
                        .included(1_000)
                        .price("0.010")
                        .payPerUse()
                        .monthly());

        Plan plan = plan(Catalog.of(priced), Catalogs.remote(Catalog.of(granted)));

        assertThat(fields(changesOf(plan, "pro").get(0)))
                .containsExactly(
                        "items[api_calls].price: none → $0.01",
                        "items[api_calls].billingUnits: none → 1",
                        "items[api_calls].billingMethod: none → pay-per-use",
                        "items[api_calls].billing: none → month",
                        // A priced item's reset equal to its billing is no reset (canonical form 4).
                        "items[api_calls].reset: month → none");
        FieldChange price = changesOf(plan, "pro").get(0).fields().get(0);
        assertThat(price.after()).isEqualTo(new Value.Money(new java.math.BigDecimal("0.01")));
    }

    @Test
    void plan_halfYearlyPrice_isWordedAsAHalfYear() {
        Plan plan = plan(Catalog.of(swap(PRO, 0, priceItem(20).semiAnnually())), Catalogs.remote(Catalog.of(PRO)));

        // The plan printed Autumn's wire word (semi_annual) before engine.text worded every cycle.
        assertThat(fields(changesOf(plan, "pro").get(0))).containsExactly("price.interval: month → half-year");
    }

    @Test
    void fieldChange_ofTwoKindsOfValue_isRefused() {
        assertThatThrownBy(() -> new FieldChange("x", new Value.Count(1), new Value.Text("1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field change x compares a Count with a Text");
    }

    @Test
    void plan_duplicateIdInCatalog_isRefused() {
        Catalog twice = new Catalog(List.of(API_CALLS, rename(API_CALLS, "Again")), List.of());

        assertThatThrownBy(() -> plan(twice, remote(List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature id 'api_calls' appears twice; validate the catalog first");
    }

    // Helpers

    static Arguments row(String name, Product remote, Product local, String... expected) {
        return arguments(name, remote, local, List.of(expected));
    }

    static Plan plan(Catalog desired, RemoteCatalog remote) {
        return new Planner().plan(desired, remote, OPTIONS);
    }

    static RemoteCatalog remote(List<Feature> features, List<Product> products) {
        Catalog catalog = Catalog.of(products.toArray(new Product[0])).with(features.toArray(new Feature[0]));
        return Catalogs.remote(catalog);
    }

    /** The change of one entity; a removed item or credit entry may leave another feature to remove as well. */
    static List<Change> changesOf(Plan plan, String id) {
        return plan.changes().stream().filter(c -> c.id().equals(id)).collect(Collectors.toList());
    }

    static List<String> fields(Change change) {
        return change.fields().stream().map(FieldChange::toString).collect(Collectors.toList());
    }

    static Feature rename(Feature feature, String name) {
        if (feature instanceof dev.autumncatalog.dsl.MeteredFeature) {
            return new dev.autumncatalog.dsl.MeteredFeature(
                    feature.id(), name, ((dev.autumncatalog.dsl.MeteredFeature) feature).consumable());
        }
        if (feature instanceof dev.autumncatalog.dsl.CreditSystem) {
            return new dev.autumncatalog.dsl.CreditSystem(feature.id(), name, feature.creditSchema());
        }
        return new dev.autumncatalog.dsl.BooleanFeature(feature.id(), name);
    }

    static Feature credits(dev.autumncatalog.dsl.CreditCost... costs) {
        return feature("credits").name("Credits").creditSystem(costs);
    }

    static Product swap(Product product, int index, Item item) {
        List<Item> items = new ArrayList<>(product.items());
        items.set(index, item);
        return with(product, items);
    }

    static Product remove(Product product, int index) {
        List<Item> items = new ArrayList<>(product.items());
        items.remove(index);
        return with(product, items);
    }

    static Product reversed(Product product) {
        List<Item> items = new ArrayList<>(product.items());
        Collections.reverse(items);
        return with(product, items);
    }

    static Product priced(PricedFeatureItem item) {
        return product("metered").name("Metered").item(item);
    }

    static Product with(Product product, List<Item> items) {
        return new Product(
                product.id(),
                product.name(),
                product.description(),
                product.group(),
                product.isAddOn(),
                product.isDefault(),
                product.isArchived(),
                product.freeTrial(),
                items);
    }
}
