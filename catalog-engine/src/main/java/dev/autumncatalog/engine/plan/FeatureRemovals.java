package dev.autumncatalog.engine.plan;

import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureType;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.FeatureUsage;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.autumn.RemotePlan;
import dev.autumncatalog.engine.model.Items;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a feature that left the catalog is deleted or archived: Autumn refuses to delete a feature while a plan
 * version or a credit system uses it, so the planner counts what will still use it once the plan level of this push is
 * done. Split out of {@link Planner}, which calls it once per plan.
 */
final class FeatureRemovals {
    private final Usage usage;

    FeatureRemovals(
            List<Change> changes,
            List<Change.RemovePlan> planRemovals,
            Iterable<RemotePlan> remotePlans,
            PlanOptions options) {
        this.usage = new Usage(changes, planRemovals, remotePlans, options);
    }

    /** The removals with their decisions; credit systems first, since whether a feature they draw from can go depends on them. */
    List<Change.RemoveFeature> decide(
            List<Change.RemoveFeature> removals,
            LiveFacts facts,
            Map<String, Feature> features,
            Map<String, RemoteFeature> remoteFeatures) {
        List<Change.RemoveFeature> decided = new ArrayList<>();
        for (Change.RemoveFeature removal : removals) {
            if (removal.level() == Level.CREDIT_SYSTEM_REMOVALS) {
                decided.add(removal.withRemoval(decide(removal.id(), facts, usage, features, remoteFeatures, decided)));
            }
        }
        for (Change.RemoveFeature removal : removals) {
            if (removal.level() == Level.FEATURE_REMOVALS) {
                decided.add(removal.withRemoval(decide(removal.id(), facts, usage, features, remoteFeatures, decided)));
            }
        }
        return decided;
    }

    /**
     * Where plans will use features once the plan level of this push is done: a deleted plan uses nothing (in any
     * version), a plan changed in place uses what the catalog gives it, and every other plan keeps what it has (a new
     * version keeps the old items in the old version). Plans the DSL cannot read are not counted; Autumn's usage count
     * includes them, so they keep a feature archived.
     */
    private static final class Usage {
        /** Item references to a feature that this push takes away, summed over plans. */
        private final Map<String, Integer> gone = new LinkedHashMap<>();
        /** Features that a plan still uses as entity feature after this push. */
        private final Set<String> entities = new HashSet<>();
        /** A remaining plan with older versions, which the plan cannot see; or {@code null}. */
        private String hiddenVersions;

        Usage(List<Change> changes, List<Change.RemovePlan> removals, Iterable<RemotePlan> remotePlans, PlanOptions o) {
            Set<String> deleted = new HashSet<>();
            for (Change.RemovePlan removal : removals) {
                if (removal.removal().decision() == Removal.Decision.DELETE) {
                    deleted.add(removal.id());
                }
            }
            Map<String, Product> inPlace = new LinkedHashMap<>();
            for (Change change : changes) {
                Product after = Plan.updatedPlan(change);
                if (after != null && inPlace(Plan.needsVersionCheck(change), Plan.versioning(change), o)) {
                    inPlace.put(change.id(), after);
                }
            }
            for (RemotePlan plan : remotePlans) {
                boolean isDeleted = deleted.contains(plan.id());
                if (!isDeleted && plan.version() > 1 && hiddenVersions == null) {
                    hiddenVersions = plan.id();
                }
                Product before = plan.model();
                if (before == null) {
                    continue;
                }
                Product after = isDeleted ? null : inPlace.getOrDefault(plan.id(), before);
                Set<String> itemFeatures = new HashSet<>();
                for (Item item : before.items()) {
                    if (item.feature() != null) {
                        itemFeatures.add(item.feature().id());
                    }
                }
                for (String id : itemFeatures) {
                    int taken = Items.countOf(before, id) - (after == null ? 0 : Items.countOf(after, id));
                    if (taken > 0) {
                        gone.merge(id, taken, Integer::sum);
                    }
                }
                if (after != null) {
                    for (Item item : after.items()) {
                        List<String> ids = Items.featureIds(item);
                        if (ids.size() == 2) {
                            entities.add(ids.get(1));
                        }
                    }
                }
            }
        }

        /** An update leaves no old version behind when nothing priced changes, or Autumn said it will not version. */
        private static boolean inPlace(boolean priced, Versioning versioning, PlanOptions options) {
            if (!priced) {
                return true;
            }
            if (versioning == null) {
                return false; // not asked: assume the old version stays
            }
            return !versioning.willVersion() || options.versionPolicy() == VersionPolicy.UPDATE_IN_PLACE;
        }

        int gone(String featureId) {
            return gone.getOrDefault(featureId, 0);
        }

        boolean entity(String featureId) {
            return entities.contains(featureId);
        }

        String hiddenVersions() {
            return hiddenVersions;
        }
    }

    private static Removal decide(
            String id,
            LiveFacts facts,
            Usage usage,
            Map<String, Feature> desired,
            Map<String, RemoteFeature> remoteFeatures,
            List<Change.RemoveFeature> decidedCreditSystems) {
        FeatureUsage used = facts.featureUsage().get(id);
        if (used == null) {
            return Removal.UNDECIDED;
        }
        String creditSystem = creditSystemUsing(id, desired, remoteFeatures, decidedCreditSystems);
        if (creditSystem != null) {
            return new Removal(Removal.Decision.ARCHIVE, "credit system '" + creditSystem + "' uses it");
        }
        if (usage.entity(id)) {
            return new Removal(Removal.Decision.ARCHIVE, "a plan uses it as entity feature");
        }
        Feature model = remoteFeatures.get(id).model();
        if ((model == null || model.type() == FeatureType.CONTINUOUS_USE) && usage.hiddenVersions() != null) {
            // Autumn's usage count covers items of every version but maybe not entity references, and a refused
            // delete would fail every re-run: archive while versions the plan cannot see may hold on to it.
            return new Removal(
                    Removal.Decision.ARCHIVE,
                    "older versions of plan '" + usage.hiddenVersions() + "' may use it as entity feature");
        }
        int gone = usage.gone(id);
        if (used.planItemCount() > gone) {
            String where = used.productName() == null ? "" : ", e.g. in \"" + used.productName() + "\"";
            String count =
                    used.planItemCount() == 1 ? "a plan item uses it" : used.planItemCount() + " plan items use it";
            return new Removal(Removal.Decision.ARCHIVE, count + where);
        }
        return new Removal(
                Removal.Decision.DELETE,
                gone > 0 ? "only plans this push removes or changes use it" : "nothing uses it");
    }

    /** The credit system that will still draw from {@code featureId} after this push, or {@code null}. */
    private static String creditSystemUsing(
            String featureId,
            Map<String, Feature> desired,
            Map<String, RemoteFeature> remoteFeatures,
            List<Change.RemoveFeature> decidedCreditSystems) {
        for (Feature feature : desired.values()) {
            if (drawsFrom(feature, featureId)) {
                return feature.id();
            }
        }
        for (RemoteFeature remote : remoteFeatures.values()) {
            if (desired.containsKey(remote.id()) || !drawsFrom(remote.model(), featureId)) {
                continue;
            }
            boolean deleted = false;
            for (Change.RemoveFeature removal : decidedCreditSystems) {
                if (removal.id().equals(remote.id()) && removal.removal().decision() == Removal.Decision.DELETE) {
                    deleted = true;
                }
            }
            if (!deleted) {
                return remote.id();
            }
        }
        return null;
    }

    /** {@code true} when {@code feature} is a credit system (only they have a schema) that draws from the feature. */
    private static boolean drawsFrom(Feature feature, String featureId) {
        if (feature == null) {
            return false; // the DSL cannot read it
        }
        for (CreditCost cost : feature.creditSchema()) {
            if (cost.feature().id().equals(featureId)) {
                return true;
            }
        }
        return false;
    }
}
