package dev.autumncatalog.engine.plan;

import dev.autumncatalog.dsl.Product;
import java.util.ArrayList;
import java.util.List;

/**
 * The live questions a draft plan leaves open, and nothing more: an unchanged catalog needs none, so planning it costs
 * only the two list requests.
 *
 * @param planCustomers plans whose price, items or trial change: would the update create a version?
 * @param planHasCustomers plans to remove: does any version have customers (archive) or not (delete)?
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
        for (Change change : draft.changes()) {
            if (change instanceof Change.UpdatePlan && ((Change.UpdatePlan) change).needsVersionCheck()) {
                customers.add(((Change.UpdatePlan) change).after());
            } else if (change instanceof Change.UnarchivePlan && ((Change.UnarchivePlan) change).needsVersionCheck()) {
                customers.add(((Change.UnarchivePlan) change).after());
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
