package dev.autumncatalog.engine.plan;

import dev.autumncatalog.dsl.Product;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The live questions a draft plan leaves open, and nothing more: an unchanged catalog needs none, so planning it costs
 * only the two list requests.
 *
 * @param planCustomers plans whose price, items or trial change: would the update create a version?
 * @param planHasCustomers plans to remove: does any version have customers (archive) or not (delete)? Also plans whose
 *     update uses features this push creates, which Autumn cannot assess yet (the versioning is then estimated)
 * @param featureUsage features to remove: do plans use them (archive) or not (delete)?
 */
public record Lookups(List<Product> planCustomers, List<String> planHasCustomers, List<String> featureUsage) {
    /** Copies the lists. */
    public Lookups {
        planCustomers = List.copyOf(planCustomers);
        planHasCustomers = List.copyOf(planHasCustomers);
        featureUsage = List.copyOf(featureUsage);
    }

    /** The questions {@code draft} leaves open. */
    public static Lookups of(Plan draft) {
        List<Product> customers = new ArrayList<>();
        List<String> hasCustomers = new ArrayList<>();
        List<String> usage = new ArrayList<>();
        Set<String> created = new HashSet<>();
        for (Change change : draft.changes()) {
            if (change instanceof Change.CreateFeature) {
                created.add(change.id());
            }
        }
        for (Change change : draft.changes()) {
            Product versioned = null;
            if (change instanceof Change.UpdatePlan && ((Change.UpdatePlan) change).needsVersionCheck()) {
                versioned = ((Change.UpdatePlan) change).after();
            } else if (change instanceof Change.UnarchivePlan && ((Change.UnarchivePlan) change).needsVersionCheck()) {
                versioned = ((Change.UnarchivePlan) change).after();
            }
            if (versioned != null) {
                // Autumn refuses to assess a plan that uses features it does not have yet (404 feature_not_found):
                // ask whether any version has customers instead, and estimate.
                if (Planner.usesAny(versioned, created)) {
                    hasCustomers.add(versioned.id());
                } else {
                    customers.add(versioned);
                }
            } else if (change instanceof Change.RemovePlan) {
                hasCustomers.add(change.id());
            } else if (change instanceof Change.RemoveFeature) {
                usage.add(change.id());
            }
        }
        return new Lookups(customers, hasCustomers, usage);
    }

    /** {@code true} when nothing needs asking. */
    public boolean isEmpty() {
        return planCustomers.isEmpty() && planHasCustomers.isEmpty() && featureUsage.isEmpty();
    }

    /** How many requests answering them costs. */
    public int size() {
        return planCustomers.size() + planHasCustomers.size() + featureUsage.size();
    }
}
