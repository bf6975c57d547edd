package dev.autumncatalog.engine.push;

import static dev.autumncatalog.dsl.Autumn.cost;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.freeTrial;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.plan.Change;
import dev.autumncatalog.engine.plan.Removal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which change waits for which: the level order, narrowed to changes that touch the same feature or plan group. */
class PushOrderTest {
    static final Feature SEATS = feature("seats").name("Seats").continuousUse();
    static final Feature CALLS = feature("calls").name("Calls").singleUse();
    static final Feature TOKENS = feature("tokens").name("Tokens").singleUse();
    static final Feature CREDITS = feature("credits").name("Credits").creditSystem(cost(TOKENS, 1));
    static final Removal DELETE = new Removal(Removal.Decision.DELETE, "unused");

    @Test
    void prerequisites_planWaitsForItsOwnFeaturesOnly_creditSystemForItsMeters() {
        Product pro =
                product("pro").name("Pro").item(featureItem(CALLS).included(5).monthly());
        Product top =
                product("top").name("Top").item(featureItem(CREDITS).included(5).noReset());
        List<Change> changes = List.of(
                new Change.CreateFeature(SEATS, List.of()), // 0
                new Change.CreateFeature(CALLS, List.of()), // 1
                new Change.CreateFeature(TOKENS, List.of()), // 2
                new Change.CreateFeature(CREDITS, List.of()), // 3
                new Change.CreatePlan(pro, List.of()), // 4
                new Change.CreatePlan(top, List.of())); // 5

        assertThat(PushOrder.prerequisites(changes))
                .containsExactly(List.of(), List.of(), List.of(), List.of(2), List.of(1), List.of(3));
    }

    @Test
    void prerequisites_featureRemovalWaitsForThePlanThatStopsUsingIt_andTheDefaultHandOverComesFirstInItsGroup() {
        Product proBefore = product("pro")
                .name("Pro")
                .group("main")
                .defaultProduct()
                .item(featureItem(SEATS).included(5).monthly());
        Product proAfter =
                product("pro").name("Pro").group("main").item(priceItem(20).monthly());
        Product basic = product("basic").name("Basic").group("main").defaultProduct();
        Product other =
                product("other").name("Other").group("side").item(priceItem(5).monthly());
        List<Change> changes = List.of(
                new Change.UpdatePlan(proBefore, proAfter, List.of(), null, List.of()).releasingDefault(), // 0
                new Change.CreatePlan(basic, List.of()), // 1
                new Change.CreatePlan(other, List.of()), // 2
                new Change.RemoveFeature("seats", SEATS, DELETE, List.of())); // 3

        assertThat(PushOrder.prerequisites(changes)).containsExactly(List.of(), List.of(0), List.of(), List.of(0));
    }

    @Test
    void prerequisites_aPlanHandingOneDefaultOverAndTakingAnother_waitsForThePlanThatOnlyHandsItsOver() {
        // The sample jqwik found (PlannerPropertiesTest, seed 1586179416550048062): topup gives up the trial default of
        // "extra" (a new plan takes it) and takes the free default of the ungrouped plans, which addon gives up. Both
        // are hand-overs at the same level; topup first met Autumn's "another default product (addon)".
        Product topupBefore = product("topup")
                .name("Topup")
                .group("extra")
                .defaultProduct()
                .item(priceItem("49.50").weekly())
                .freeTrial(freeTrial(30).days().noCardRequired());
        Product topupAfter = product("topup").name("Topup").defaultProduct();
        Product addonBefore = product("addon").name("Addon").defaultProduct();
        Product addonAfter = product("addon").name("Addon").group("main");
        List<Change> changes = List.of(
                new Change.UpdatePlan(topupBefore, topupAfter, List.of(), null, List.of()).releasingDefault(), // 0
                new Change.UpdatePlan(addonBefore, addonAfter, List.of(), null, List.of()).releasingDefault()); // 1

        assertThat(PushOrder.prerequisites(changes)).containsExactly(List.of(1), List.of());

        // The same when the plan handing its default over leaves the catalog instead.
        List<Change> removing =
                List.of(changes.get(0), new Change.RemovePlan("addon", addonBefore, DELETE, List.of(), true)); // 0, 1
        assertThat(PushOrder.prerequisites(removing)).containsExactly(List.of(1), List.of());
    }

    @Test
    void prerequisites_removalOfAnUnreadablePlan_waitsForEverythingEarlier_andEverythingLaterWaitsForIt() {
        Product other = product("other").name("Other").item(priceItem(5).monthly());
        List<Change> changes = List.of(
                new Change.CreateFeature(CALLS, List.of()), // 0
                new Change.CreatePlan(other, List.of()), // 1
                new Change.RemovePlan("odd", null, DELETE, List.of("an item the DSL cannot read")), // 2
                new Change.RemoveFeature("seats", SEATS, DELETE, List.of())); // 3

        assertThat(PushOrder.prerequisites(changes)).containsExactly(List.of(), List.of(), List.of(0, 1), List.of(2));
    }
}
