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
        Set<String> created = new HashSet<>();
        for (Change change : draft.changes()) {
            if (change.entity() == Change.Entity.FEATURE && change.action() == Change.Action.CREATE) {
                created.add(change.id());
            }
        }
        Questions questions = new Questions(created);
        for (Change change : draft.changes()) {
            change.accept(questions);
        }
        return new Lookups(questions.customers, questions.hasCustomers, questions.usage);
    }

    /** Collects the question each change leaves open, if any. */
    private static final class Questions implements Change.Visitor<Void> {
        private final Set<String> created;
        private final List<Product> customers = new ArrayList<>();
        private final List<String> hasCustomers = new ArrayList<>();
        private final List<String> usage = new ArrayList<>();

        Questions(Set<String> created) {
            this.created = created;
        }

        @Override
        public Void createFeature(Change.CreateFeature change) {
            return null;
        }

        @Override
        public Void updateFeature(Change.UpdateFeature change) {
            return null;
        }

        @Override
        public Void unarchiveFeature(Change.UnarchiveFeature change) {
            return null;
        }

        @Override
        public Void removeFeature(Change.RemoveFeature change) {
            usage.add(change.id()); // delete, or archive because plans use it?
            return null;
        }

        @Override
        public Void createPlan(Change.CreatePlan change) {
            return null;
        }

        @Override
        public Void updatePlan(Change.UpdatePlan change) {
            if (change.needsVersionCheck()) {
                versioned(change.after());
            }
            return null;
        }

        @Override
        public Void unarchivePlan(Change.UnarchivePlan change) {
            if (change.needsVersionCheck()) {
                versioned(change.after());
            }
            return null;
        }

        @Override
        public Void removePlan(Change.RemovePlan change) {
            hasCustomers.add(change.id()); // delete, or archive because a version has customers?
            return null;
        }

        private void versioned(Product after) {
            // Autumn refuses to assess a plan that uses features it does not have yet (404 feature_not_found): ask
            // whether any version has customers instead, and estimate.
            if (Planner.usesAny(after, created)) {
                hasCustomers.add(after.id());
            } else {
                customers.add(after);
            }
        }
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
