package dev.autumncatalog.engine.plan;

import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.FeatureUsage;
import dev.autumncatalog.engine.autumn.PlanCustomers;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.autumn.RemotePlan;
import dev.autumncatalog.engine.model.Items;
import dev.autumncatalog.engine.push.CatalogSync;
import dev.autumncatalog.engine.push.PushOptions;
import dev.autumncatalog.engine.report.PlanRenderer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The planner's laws, on generated valid catalogs ({@link Catalogs}). Tries come from the JUnit configuration
 * parameter {@code jqwik.tries.default}, which jqwik reads from system properties too: the build passes 1000 (10000
 * with {@code -Pthorough}) through surefire's {@code systemPropertyVariables}. No property overrides it.
 */
class PlannerPropertiesTest {
    private static final PlanOptions OPTIONS = PlanOptions.defaults("fake", false);

    /** Law 1: a catalog compared with itself has nothing to do, and needs no live lookups. */
    @Property
    void plan_ofCatalogAgainstItsOwnRemote_isEmpty(@ForAll("catalogs") Catalog catalog) {
        assertThat(catalog.validate()).as("generated catalogs are valid").isEmpty();

        Plan plan = new Planner().plan(catalog, Catalogs.remote(catalog), OPTIONS);

        assertThat(plan.changes()).isEmpty();
        assertThat(plan.warnings()).isEmpty();
        assertThat(Lookups.of(plan).isEmpty()).isTrue();
        assertThat(PlanRenderer.render(plan)).endsWith("No changes. Autumn matches the catalog.\n");
    }

    /**
     * Law 2: pushing {@code plan(a, b)} (removals allowed, a version policy chosen) to an Autumn holding {@code a},
     * some of whose plans have customers, yields {@code b}; planning again is empty and costs the two list requests.
     * Pushing a third catalog {@code c} and then {@code a} back un-archives what was archived (updating what differs),
     * and converges each time.
     */
    @Property
    void push_ofPlan_reachesTheCatalog_andThenPlanIsEmpty(@ForAll("scenarios") Scenario scenario) {
        assertThat(scenario.a.validate()).isEmpty();
        assertThat(scenario.b.validate()).isEmpty();
        assertThat(scenario.c.validate()).isEmpty();
        FakeAutumn fake = FakeAutumn.holding(scenario.a);
        scenario.customers.forEach(id -> fake.addCustomers(id, 1));
        PlanOptions options = OPTIONS.withAllowRemovals(true).withVersionPolicy(scenario.policy);

        converge(fake, scenario.b, options);
        converge(fake, scenario.c, options);
        converge(fake, scenario.a, options);
    }

    private static void converge(FakeAutumn fake, Catalog target, PlanOptions options) {
        CatalogSync sync = new CatalogSync(fake, MAVEN_LIKE);
        Plan plan = sync.plan(target, options);
        int written = fake.log().size();

        sync.push(plan, PushOptions.batch());

        Set<String> contained = containedIds(target);
        for (String write : fake.log().subList(written, fake.log().size())) {
            String[] parts = write.split(" ");
            boolean removes =
                    parts[0].startsWith("delete") || (parts[0].startsWith("archive") && parts[2].equals("true"));
            assertThat(removes && contained.contains(parts[1]))
                    .as("%s removes something the catalog contains", write)
                    .isFalse();
        }
        assertThat(fake.liveFeatureIds()).isEqualTo(ids(target.features(), Feature::id));
        assertThat(fake.livePlanIds()).isEqualTo(ids(target.products(), Product::id));
        int requests = fake.requests();
        Plan again = sync.plan(target, options);
        assertThat(again.changes())
                .as("plan after push:\n%s", PlanRenderer.render(again))
                .isEmpty();
        assertThat(fake.requests() - requests).isEqualTo(2);
    }

    /**
     * Law 3: whatever Autumn holds (archived, unreadable, with any live answers), no plan archives or deletes a feature
     * or plan that the catalog contains or references.
     */
    @Property
    void plan_neverRemovesWhatTheCatalogContains(@ForAll("remoteMixes") RemoteMix mix) {
        Plan plan = new Planner().plan(mix.desired, mix.remote, OPTIONS.withAllowRemovals(true), mix.facts);

        Set<String> contained = containedIds(mix.desired);
        for (Change change : plan.changes()) {
            if (change.action() == Change.Action.REMOVE) {
                assertThat(contained).doesNotContain(change.id());
            }
        }
        for (RemotePlan remote : mix.remote.plans()) {
            boolean inCatalog = mix.desired.product(remote.id()).isPresent();
            boolean removed = plan.changes().stream()
                    .anyMatch(c -> c.action() == Change.Action.REMOVE && c.id().equals(remote.id()));
            assertThat(removed).isEqualTo(!inCatalog && !remote.archived());
        }
    }

    // Scenarios

    record Scenario(Catalog a, Catalog b, Catalog c, Set<String> customers, VersionPolicy policy) {}

    record RemoteMix(Catalog desired, RemoteCatalog remote, LiveFacts facts) {}

    @Provide
    Arbitrary<Catalog> catalogs() {
        return Catalogs.catalogs();
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.randomValue(random -> {
            Catalog a = Catalogs.catalog(random);
            Catalog b = Catalogs.chance(random, 0.1) ? a : Catalogs.catalog(random);
            Set<String> customers = new HashSet<>();
            for (Product product : a.products()) {
                if (Catalogs.chance(random, 0.4)) {
                    customers.add(product.id());
                }
            }
            VersionPolicy policy =
                    Catalogs.chance(random, 0.5) ? VersionPolicy.CREATE_VERSION : VersionPolicy.UPDATE_IN_PLACE;
            return new Scenario(a, b, Catalogs.catalog(random), customers, policy);
        });
    }

    @Provide
    Arbitrary<RemoteMix> remoteMixes() {
        return Arbitraries.randomValue(random -> {
            Catalog desired = Catalogs.catalog(random);
            Catalog held = Catalogs.catalog(random);
            List<RemoteFeature> features = new ArrayList<>();
            Map<String, FeatureUsage> usage = new HashMap<>();
            for (Feature feature : held.features()) {
                features.add(new RemoteFeature(
                        feature.id(),
                        Catalogs.chance(random, 0.1) ? null : feature,
                        Catalogs.chance(random, 0.2),
                        Catalogs.chance(random, 0.1) ? List.of("event names [x]") : List.of()));
                usage.put(feature.id(), new FeatureUsage("Some plan", random.nextInt(3)));
            }
            List<RemotePlan> plans = new ArrayList<>();
            Map<String, Boolean> hasCustomers = new HashMap<>();
            Map<String, PlanCustomers> customers = new HashMap<>();
            for (Product product : held.products()) {
                plans.add(new RemotePlan(
                        product.id(),
                        Catalogs.chance(random, 0.1) ? null : product,
                        Catalogs.chance(random, 0.2),
                        1 + random.nextInt(3),
                        Catalogs.chance(random, 0.1) ? List.of("metadata {}") : List.of()));
                hasCustomers.put(product.id(), random.nextBoolean());
                customers.put(product.id(), new PlanCustomers(1, random.nextBoolean(), false));
            }
            return new RemoteMix(
                    desired, new RemoteCatalog(features, plans), new LiveFacts(customers, hasCustomers, usage));
        });
    }

    /** Ids the catalog has or references. */
    private static Set<String> containedIds(Catalog catalog) {
        Set<String> ids = new HashSet<>();
        for (Feature feature : catalog.features()) {
            ids.add(feature.id());
            for (CreditCost cost : feature.creditSchema()) {
                ids.add(cost.feature().id());
            }
        }
        for (Product product : catalog.products()) {
            ids.add(product.id());
            for (Item item : product.items()) {
                ids.addAll(Items.featureIds(item));
            }
        }
        return ids;
    }

    private static <T> Set<String> ids(List<T> values, java.util.function.Function<T, String> id) {
        return values.stream().map(id).collect(Collectors.toSet());
    }
}
