package dev.autumncatalog.engine.plan;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.PlanCustomers;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.autumn.RemotePlan;
import dev.autumncatalog.engine.model.Items;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a catalog with Autumn's and says what a push would change. Pure: no I/O, the same answer for the same
 * input. Live questions (does this plan have customers? is this feature used?) come in as {@link LiveFacts}; {@link
 * Lookups#of(Plan)} says which a draft plan needs.
 *
 * <pre>{@code
 * Plan draft = new Planner().plan(catalog, remote, options);
 * Plan plan = new Planner().plan(catalog, remote, options, factsFor(Lookups.of(draft)));
 * }</pre>
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Unchanged entities give no change, so {@code plan(c, remote(c))} is empty.
 *   <li>Archived remote entities that are back in the catalog are un-archived, unless the catalog keeps them archived
 *       ({@code .archived()}); archived ones that are not in the catalog are left alone (they are removed already).
 *       An entity the catalog archives is archived by an update that says only so.
 *   <li>Remote entities that are not archived and not in the catalog are removed: deleted when Autumn allows it,
 *       archived otherwise. Nothing the catalog contains (or references) is ever removed.
 *   <li>Remote content the DSL cannot express is never overwritten silently: an unchanged entity keeps it (with a
 *       warning); an update lists what it drops and needs an opt-in ({@link Blocker.Kind#DROPS}).
 * </ul>
 */
public final class Planner {

    /** A planner; it holds no state. */
    public Planner() {}

    /** The plan without live answers: removals are {@link Removal#UNDECIDED} and versioning unknown. */
    public Plan plan(Catalog desired, RemoteCatalog actual, PlanOptions options) {
        return plan(desired, actual, options, LiveFacts.NONE);
    }

    /**
     * The plan that turns {@code actual} into {@code desired}.
     *
     * @param desired a valid catalog (ids are unique)
     * @param actual what Autumn has
     * @param options the target and what the user allows
     * @param facts Autumn's answers to the {@link Lookups} of the draft plan
     * @throws IllegalArgumentException when {@code desired} has an id twice
     */
    public Plan plan(Catalog desired, RemoteCatalog actual, PlanOptions options, LiveFacts facts) {
        Map<String, Feature> features = unique("feature", desired.features(), Feature::id);
        Map<String, Product> products = unique("product", desired.products(), Product::id);
        Map<String, RemoteFeature> remoteFeatures = unique("remote feature", actual.features(), RemoteFeature::id);
        Map<String, RemotePlan> remotePlans = unique("remote plan", actual.plans(), RemotePlan::id);
        List<Warning> warnings = new ArrayList<>();
        List<Change> changes = new ArrayList<>();

        for (Feature feature : features.values()) {
            Change change = featureChange(feature, remoteFeatures.get(feature.id()), remotePlans.values(), warnings);
            if (change != null) {
                changes.add(change);
            }
        }
        Set<String> created = new HashSet<>(features.keySet());
        created.removeAll(remoteFeatures.keySet());
        for (Product product : products.values()) {
            Change change = planChange(product, remotePlans.get(product.id()), created, facts, warnings);
            if (change != null) {
                changes.add(change);
            }
        }

        List<Change.RemovePlan> planRemovals = new ArrayList<>();
        for (RemotePlan remote : sorted(remotePlans.values(), RemotePlan::id)) {
            if (!remote.archived() && !products.containsKey(remote.id())) {
                Boolean customers = facts.planHasCustomers().get(remote.id());
                Removal removal = customers == null
                        ? Removal.UNDECIDED
                        : customers
                                ? new Removal(Removal.Decision.ARCHIVE, "it has customers")
                                : new Removal(Removal.Decision.DELETE, "it has no customers");
                planRemovals.add(new Change.RemovePlan(remote.id(), remote.model(), removal, remote.unsupported()));
                unsupportedWarning(warnings, Change.Entity.PLAN, remote.id(), remote.unsupported(), "removed with it");
            }
        }
        changes.addAll(planRemovals);

        Set<String> kept = referencedFeatureIds(desired);
        List<Change.RemoveFeature> featureRemovals = new ArrayList<>();
        for (RemoteFeature remote : sorted(remoteFeatures.values(), RemoteFeature::id)) {
            String constant = options.declaredFeatures().get(remote.id());
            if (!remote.archived() && !kept.contains(remote.id()) && constant != null) {
                // Issue 14: a feature only removed products used went with them, though the code still declares it.
                warnings.add(new Warning(
                        Change.Entity.FEATURE,
                        remote.id(),
                        "kept in Autumn: the code still declares it (" + constant + ") though no product uses it and"
                                + " the catalog does not list it. List it in the catalog to keep it on purpose, or"
                                + " delete the constant to remove it."));
            } else if (!remote.archived() && !kept.contains(remote.id())) {
                featureRemovals.add(
                        new Change.RemoveFeature(remote.id(), remote.model(), Removal.UNDECIDED, remote.unsupported()));
                unsupportedWarning(
                        warnings, Change.Entity.FEATURE, remote.id(), remote.unsupported(), "removed with it");
            }
        }
        changes.addAll(new FeatureRemovals(changes, planRemovals, remotePlans.values(), options)
                .decide(featureRemovals, facts, features, remoteFeatures));
        Set<String> releases = defaultReleases(products, remotePlans);
        changes.replaceAll(change -> releases.contains(change.id()) ? change.accept(RELEASING_DEFAULT) : change);
        changes.sort(Comparator.comparing(Change::level)); // stable: catalog order within a level
        return new Plan(options, changes, warnings);
    }

    /**
     * The same change, applied before other plans so that another plan can become the default: plan updates and
     * removals hand the default over; nothing else holds one.
     */
    private static final Change.Visitor<Change> RELEASING_DEFAULT = new Change.Visitor<>() {
        @Override
        public Change createFeature(Change.CreateFeature change) {
            return change;
        }

        @Override
        public Change updateFeature(Change.UpdateFeature change) {
            return change;
        }

        @Override
        public Change unarchiveFeature(Change.UnarchiveFeature change) {
            return change;
        }

        @Override
        public Change removeFeature(Change.RemoveFeature change) {
            return change;
        }

        @Override
        public Change createPlan(Change.CreatePlan change) {
            return change; // a new plan holds no default yet
        }

        @Override
        public Change updatePlan(Change.UpdatePlan change) {
            return change.releasingDefault();
        }

        @Override
        public Change unarchivePlan(Change.UnarchivePlan change) {
            return change; // an archived plan holds no default
        }

        @Override
        public Change removePlan(Change.RemovePlan change) {
            return change.releasingDefault();
        }
    };

    private static Change featureChange(
            Feature feature, RemoteFeature remote, Iterable<RemotePlan> remotePlans, List<Warning> warnings) {
        if (remote == null) {
            List<FieldChange> fields = new ArrayList<>(Views.featureCreate(feature));
            if (feature.isArchived()) {
                fields.add(archivedField(false));
            }
            return new Change.CreateFeature(feature, fields);
        }
        boolean unarchive = remote.archived() && !feature.isArchived();
        keptWarning(warnings, Change.Entity.FEATURE, feature.id(), remote.kept());
        if (remote.model() == null) {
            List<String> dropped = unreadable(remote.unsupported(), "a feature the DSL cannot read");
            List<FieldChange> fields = Views.featureCreate(feature);
            return unarchive
                    ? new Change.UnarchiveFeature(null, feature, fields, dropped)
                    : new Change.UpdateFeature(null, feature, fields, dropped);
        }
        List<FieldChange> fields = new ArrayList<>(Views.featureDiff(remote.model(), feature));
        if (fields.isEmpty()) {
            unsupportedWarning(warnings, Change.Entity.FEATURE, feature.id(), remote.unsupported(), "left as it is");
            if (unarchive) {
                return new Change.UnarchiveFeature(remote.model(), feature, fields, List.of());
            }
            if (!feature.isArchived() || remote.archived()) {
                return null;
            }
            // archived by the catalog: an update that sets only the flag drops nothing
            return new Change.UpdateFeature(remote.model(), feature, List.of(archivedField(true)), List.of());
        }
        if (feature.isArchived() && !remote.archived()) {
            fields.add(archivedField(true));
        }
        if (remote.model().type() != feature.type() && usedByRemotePlans(feature.id(), remotePlans)) {
            warnings.add(new Warning(
                    Change.Entity.FEATURE,
                    feature.id(),
                    "changes type from " + remote.model().type().word() + " to "
                            + feature.type().word()
                            + " while plans use it; Autumn refuses type changes of features in use"));
        }
        return unarchive
                ? new Change.UnarchiveFeature(remote.model(), feature, fields, remote.unsupported())
                : new Change.UpdateFeature(remote.model(), feature, fields, remote.unsupported());
    }

    /** The archived flag turned on: {@code archived: no → yes} (or set by a create). */
    private static FieldChange archivedField(boolean wasThere) {
        return new FieldChange(Change.ARCHIVED, wasThere ? new Value.Flag(false) : null, new Value.Flag(true));
    }

    private static Change planChange(
            Product product, RemotePlan remote, Set<String> created, LiveFacts facts, List<Warning> warnings) {
        if (remote == null) {
            List<FieldChange> fields = new ArrayList<>(Views.productCreate(product));
            if (product.isArchived()) {
                fields.add(archivedField(false));
            }
            return new Change.CreatePlan(product, fields);
        }
        boolean unarchive = remote.archived() && !product.isArchived();
        keptWarning(warnings, Change.Entity.PLAN, product.id(), remote.kept());
        Versioning versioning;
        if (usesAny(product, created)) {
            // Autumn cannot assess a plan whose features do not exist yet: estimate from its customers.
            Boolean customers = facts.planHasCustomers().get(product.id());
            versioning = customers == null ? null : new Versioning(remote.version(), customers, true);
        } else {
            versioning = versioning(facts.planCustomers().get(product.id()));
        }
        if (remote.model() == null) {
            List<String> dropped = unreadable(remote.unsupported(), "a plan the DSL cannot read");
            List<FieldChange> fields = Views.productCreate(product);
            return unarchive
                    ? new Change.UnarchivePlan(null, product, fields, versioning, dropped)
                    : new Change.UpdatePlan(null, product, fields, versioning, dropped);
        }
        List<FieldChange> fields = new ArrayList<>(Views.productDiff(remote.model(), product));
        if (fields.isEmpty()) {
            unsupportedWarning(warnings, Change.Entity.PLAN, product.id(), remote.unsupported(), "left as it is");
            if (unarchive) {
                return new Change.UnarchivePlan(remote.model(), product, fields, null, List.of());
            }
            if (!product.isArchived() || remote.archived()) {
                return null;
            }
            // archived by the catalog: plans.update {plan_id, archived: true} never creates a version
            return new Change.UpdatePlan(remote.model(), product, List.of(archivedField(true)), null, List.of());
        }
        if (product.isArchived() && !remote.archived()) {
            fields.add(archivedField(true));
        }
        if (unarchive) {
            Change.UnarchivePlan change =
                    new Change.UnarchivePlan(remote.model(), product, fields, null, remote.unsupported());
            return change.needsVersionCheck()
                    ? new Change.UnarchivePlan(remote.model(), product, fields, versioning, remote.unsupported())
                    : change;
        }
        Change.UpdatePlan change = new Change.UpdatePlan(remote.model(), product, fields, null, remote.unsupported());
        return change.needsVersionCheck()
                ? new Change.UpdatePlan(remote.model(), product, fields, versioning, remote.unsupported())
                : change;
    }

    /** {@code true} when an item of {@code product} uses one of {@code featureIds}. */
    static boolean usesAny(Product product, Set<String> featureIds) {
        for (Item item : product.items()) {
            for (String id : Items.featureIds(item)) {
                if (featureIds.contains(id)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Versioning versioning(PlanCustomers customers) {
        return customers == null ? null : new Versioning(customers.currentVersion(), customers.willVersion());
    }

    // Defaults

    /**
     * Plans that Autumn has as a group's default and that stop being it (removed, not default, another group or kind)
     * while a plan of the catalog becomes the default of that slot. Autumn's validateDefaultFlag allows one free
     * default and one default trial per group among plans that are not archived, so these go first.
     */
    private static Set<String> defaultReleases(Map<String, Product> products, Map<String, RemotePlan> remotePlans) {
        Set<String> claimed = new HashSet<>();
        for (Product product : products.values()) {
            RemotePlan remote = remotePlans.get(product.id());
            String slot = defaultSlot(product);
            if (slot != null && (remote == null || remote.archived() || !slot.equals(defaultSlot(remote.model())))) {
                claimed.add(slot);
            }
        }
        Set<String> releases = new HashSet<>();
        for (RemotePlan remote : remotePlans.values()) {
            String slot = remote.archived() ? null : defaultSlot(remote.model());
            Product desired = products.get(remote.id());
            if (slot != null && claimed.contains(slot) && (desired == null || !slot.equals(defaultSlot(desired)))) {
                releases.add(remote.id());
            }
        }
        return releases;
    }

    /** {@code free|<group>} or {@code trial|<group>} for a default plan, {@code null} otherwise. */
    private static String defaultSlot(Product product) {
        if (product == null || !product.isDefault()) {
            return null;
        }
        return (product.isFree() ? "free|" : "trial|") + product.group();
    }

    // Helpers

    private static boolean usedByRemotePlans(String featureId, Iterable<RemotePlan> plans) {
        for (RemotePlan plan : plans) {
            if (plan.model() != null) {
                for (Item item : plan.model().items()) {
                    if (Items.featureIds(item).contains(featureId)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Every feature id the catalog has or references: none of them may be removed. */
    private static Set<String> referencedFeatureIds(Catalog catalog) {
        Set<String> ids = new HashSet<>();
        for (Feature feature : catalog.features()) {
            ids.add(feature.id());
            for (CreditCost cost : feature.creditSchema()) {
                ids.add(cost.feature().id());
            }
        }
        for (Product product : catalog.products()) {
            for (Item item : product.items()) {
                ids.addAll(Items.featureIds(item));
            }
        }
        return ids;
    }

    private static List<String> unreadable(List<String> unsupported, String fallback) {
        return unsupported.isEmpty() ? List.of(fallback) : unsupported;
    }

    /** Content the DSL cannot say that every update keeps: said once, never blocking. */
    private static void keptWarning(List<Warning> warnings, Change.Entity entity, String id, List<String> kept) {
        if (!kept.isEmpty()) {
            warnings.add(new Warning(
                    entity, id, "has what the DSL cannot express, kept by every update: " + String.join("; ", kept)));
        }
    }

    private static void unsupportedWarning(
            List<Warning> warnings, Change.Entity entity, String id, List<String> unsupported, String fate) {
        if (!unsupported.isEmpty()) {
            warnings.add(new Warning(
                    entity, id, "has what the DSL cannot express, " + fate + ": " + String.join("; ", unsupported)));
        }
    }

    private static <T> Map<String, T> unique(String what, List<T> values, java.util.function.Function<T, String> id) {
        Map<String, T> byId = new LinkedHashMap<>();
        for (T value : values) {
            if (byId.putIfAbsent(id.apply(value), value) != null) {
                throw new IllegalArgumentException(
                        what + " id '" + id.apply(value) + "' appears twice; validate the catalog first");
            }
        }
        return byId;
    }

    private static <T> List<T> sorted(Iterable<T> values, java.util.function.Function<T, String> id) {
        List<T> list = new ArrayList<>();
        values.forEach(list::add);
        list.sort(Comparator.comparing(id));
        return list;
    }
}
