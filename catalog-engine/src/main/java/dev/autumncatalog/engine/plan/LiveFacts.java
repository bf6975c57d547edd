package dev.autumncatalog.engine.plan;

import dev.autumncatalog.engine.autumn.FeatureUsage;
import dev.autumncatalog.engine.autumn.PlanCustomers;
import java.util.Map;

/**
 * What Autumn answered to the live questions a plan needs (see {@link Lookups}): keyed by plan or feature id. A missing
 * answer leaves the decision open ({@link Removal#UNDECIDED}, no versioning).
 *
 * @param planCustomers {@code plans.has_customers} for plans whose price, items or trial change
 * @param planHasCustomers whether any version of a plan has customers: for removed plans, and for updates Autumn cannot
 *     assess yet
 * @param featureUsage how many plan items use a removed feature
 */
public record LiveFacts(
        Map<String, PlanCustomers> planCustomers,
        Map<String, Boolean> planHasCustomers,
        Map<String, FeatureUsage> featureUsage) {

    /** No answers: the plan a pure planner makes. */
    public static final LiveFacts NONE = new LiveFacts(Map.of(), Map.of(), Map.of());

    /** Copies the maps. */
    public LiveFacts {
        planCustomers = Map.copyOf(planCustomers);
        planHasCustomers = Map.copyOf(planHasCustomers);
        featureUsage = Map.copyOf(featureUsage);
    }
}
