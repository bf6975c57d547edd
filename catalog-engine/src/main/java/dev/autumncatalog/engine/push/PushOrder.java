package dev.autumncatalog.engine.push;

import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.model.Items;
import dev.autumncatalog.engine.plan.Change;
import dev.autumncatalog.engine.plan.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which changes of a plan must finish before which: the {@link Level} order, narrowed to the changes that touch the
 * same thing. A change waits for a change of an earlier level only when both name the same feature (a plan's items, a
 * credit system's schema, the feature itself) or the same plan group (a default handed over within a group); every
 * other pair is independent, so a plan starts as soon as the features it uses exist, not when every feature does.
 *
 * <p>A change whose remote side could not be read ({@code before} is {@code null} on an update or removal) may touch
 * anything: it waits for every change of an earlier level, and every change of a later level waits for it, as the
 * level barriers did.
 */
final class PushOrder {
    private static final String ANYTHING = "*";

    private PushOrder() {}

    /**
     * For each change (by index in {@code changes}), the indices of the changes that must finish before it starts, in
     * ascending order. Every prerequisite has a lower {@link Level}, or is a plan that only hands a default over, at
     * the same level, before one that also takes one: the order has no cycles.
     */
    static List<List<Integer>> prerequisites(List<Change> changes) {
        int total = changes.size();
        List<Set<String>> touches = new ArrayList<>(total);
        // Per key, the changes touching it, in index order; changes touching anything are kept apart.
        Map<String, List<Integer>> byKey = new HashMap<>();
        List<Integer> anything = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            Set<String> keys = changes.get(i).accept(new Touches());
            touches.add(keys);
            if (keys.contains(ANYTHING)) {
                anything.add(i);
            }
            for (String key : keys) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        List<List<Integer>> result = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            Level level = changes.get(i).level();
            Set<Integer> before = new TreeSet<>();
            Set<String> keys = touches.get(i);
            if (keys.contains(ANYTHING)) {
                for (int j = 0; j < total; j++) {
                    if (changes.get(j).level().compareTo(level) < 0) {
                        before.add(j);
                    }
                }
            } else {
                for (String key : keys) {
                    for (int j : byKey.get(key)) {
                        if (changes.get(j).level().compareTo(level) < 0) {
                            before.add(j);
                        }
                    }
                }
                for (int j : anything) {
                    if (changes.get(j).level().compareTo(level) < 0) {
                        before.add(j);
                    }
                }
                if (level == Level.PLAN_DEFAULT_RELEASES && changes.get(i).accept(TAKES_DEFAULT)) {
                    // A plan that hands one default over while taking another (its group or price changed) waits for
                    // the plans of its groups that only hand theirs over: Autumn refuses a second default. Only
                    // those, so no two changes can wait for each other.
                    for (String key : keys) {
                        if (!key.startsWith("g:")) {
                            continue;
                        }
                        for (int j : byKey.get(key)) {
                            if (j != i
                                    && changes.get(j).level() == level
                                    && !changes.get(j).accept(TAKES_DEFAULT)) {
                                before.add(j);
                            }
                        }
                    }
                }
            }
            result.add(List.copyOf(before));
        }
        return result;
    }

    /** Whether a change leaves its plan as a default (of its group, free or with a trial). */
    private static final Change.Visitor<Boolean> TAKES_DEFAULT = new Change.Visitor<>() {
        @Override
        public Boolean createFeature(Change.CreateFeature change) {
            return false;
        }

        @Override
        public Boolean updateFeature(Change.UpdateFeature change) {
            return false;
        }

        @Override
        public Boolean unarchiveFeature(Change.UnarchiveFeature change) {
            return false;
        }

        @Override
        public Boolean removeFeature(Change.RemoveFeature change) {
            return false;
        }

        @Override
        public Boolean createPlan(Change.CreatePlan change) {
            return change.product().isDefault();
        }

        @Override
        public Boolean updatePlan(Change.UpdatePlan change) {
            return change.after() != null && change.after().isDefault();
        }

        @Override
        public Boolean unarchivePlan(Change.UnarchivePlan change) {
            return change.after() != null && change.after().isDefault();
        }

        @Override
        public Boolean removePlan(Change.RemovePlan change) {
            return false;
        }
    };

    /** The features and plan groups a change touches: {@code f:<id>}, {@code g:<group>}, or {@link #ANYTHING}. */
    private static final class Touches implements Change.Visitor<Set<String>> {
        private final Set<String> keys = new LinkedHashSet<>();

        @Override
        public Set<String> createFeature(Change.CreateFeature change) {
            return feature(change.feature());
        }

        @Override
        public Set<String> updateFeature(Change.UpdateFeature change) {
            feature(change.before());
            return feature(change.after());
        }

        @Override
        public Set<String> unarchiveFeature(Change.UnarchiveFeature change) {
            feature(change.before());
            return feature(change.after());
        }

        @Override
        public Set<String> removeFeature(Change.RemoveFeature change) {
            keys.add("f:" + change.id());
            return feature(change.before());
        }

        @Override
        public Set<String> createPlan(Change.CreatePlan change) {
            return plan(change.product());
        }

        @Override
        public Set<String> updatePlan(Change.UpdatePlan change) {
            plan(change.before());
            return plan(change.after());
        }

        @Override
        public Set<String> unarchivePlan(Change.UnarchivePlan change) {
            plan(change.before());
            return plan(change.after());
        }

        @Override
        public Set<String> removePlan(Change.RemovePlan change) {
            return plan(change.before());
        }

        private Set<String> feature(Feature feature) {
            if (feature == null) {
                keys.add(ANYTHING);
                return keys;
            }
            keys.add("f:" + feature.id());
            for (CreditCost cost : feature.creditSchema()) {
                keys.add("f:" + cost.feature().id());
            }
            return keys;
        }

        private Set<String> plan(Product product) {
            if (product == null) {
                keys.add(ANYTHING);
                return keys;
            }
            // Autumn allows one default per group: a plan handing the default over and the plan taking it share this.
            keys.add("g:" + (product.group() == null ? "" : product.group()));
            for (Item item : product.items()) {
                for (String id : Items.featureIds(item)) {
                    keys.add("f:" + id);
                }
            }
            return keys;
        }
    }
}
