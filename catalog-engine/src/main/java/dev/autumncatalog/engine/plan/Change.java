package dev.autumncatalog.engine.plan;

import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureType;
import dev.autumncatalog.dsl.Product;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One change a push makes to Autumn. Creates, updates and un-archives carry the {@link FieldChange}s they make;
 * removals carry their {@link Removal} decision. Updates of a remote entity that holds content the DSL cannot express
 * list that content in {@link #dropped()}: pushing them needs an explicit opt-in.
 */
public sealed interface Change
        permits Change.CreateFeature,
                Change.UpdateFeature,
                Change.UnarchiveFeature,
                Change.RemoveFeature,
                Change.CreatePlan,
                Change.UpdatePlan,
                Change.UnarchivePlan,
                Change.RemovePlan {

    /** The feature or plan id. */
    String id();

    /** Feature or plan. */
    Entity entity();

    /** Create, update, un-archive or remove. */
    Action action();

    /** When a push applies it. */
    Level level();

    /** The fields this change sets; for a create every field it sets (all {@code before} values are {@code null}). */
    default List<FieldChange> fields() {
        return List.of();
    }

    /** Remote content the DSL cannot express that this change would drop; empty for most changes. */
    default List<String> dropped() {
        return List.of();
    }

    /** {@code + feature api_calls}: symbol, entity and id. */
    default String headline() {
        return action().symbol() + " " + entity().word() + " " + id();
    }

    /** Calls the visitor's method for this kind of change. */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per kind of change. Code that acts on a change dispatches through {@link Change#accept} rather than
     * {@code instanceof}, so a new kind of change fails to compile everywhere it is not handled.
     *
     * <pre>{@code
     * String verb = change.accept(new Change.Visitor<String>() { ... });
     * }</pre>
     *
     * @param <R> what the visit returns
     */
    interface Visitor<R> {
        /** A feature new to Autumn. */
        R createFeature(CreateFeature change);

        /** A feature whose fields change. */
        R updateFeature(UpdateFeature change);

        /** An archived feature back in the catalog. */
        R unarchiveFeature(UnarchiveFeature change);

        /** A feature that left the catalog. */
        R removeFeature(RemoveFeature change);

        /** A plan new to Autumn. */
        R createPlan(CreatePlan change);

        /** A plan whose fields change. */
        R updatePlan(UpdatePlan change);

        /** An archived plan back in the catalog. */
        R unarchivePlan(UnarchivePlan change);

        /** A plan that left the catalog. */
        R removePlan(RemovePlan change);
    }

    /** What a change is applied to. */
    enum Entity {
        FEATURE,
        PLAN;

        /** {@code feature}, {@code plan}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a change does. */
    enum Action {
        CREATE("+"),
        UPDATE("~"),
        UNARCHIVE("↺"),
        REMOVE("-");

        private final String symbol;

        Action(String symbol) {
            this.symbol = symbol;
        }

        /** {@code +}, {@code ~}, {@code ↺}, {@code -}. */
        public String symbol() {
            return symbol;
        }

        /** {@code create}, {@code update}, {@code unarchive}, {@code remove}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A feature new to Autumn.
     *
     * @param feature the feature to create
     * @param fields its fields
     */
    record CreateFeature(Feature feature, List<FieldChange> fields) implements Change {
        /** Copies the fields. */
        public CreateFeature {
            Objects.requireNonNull(feature, "feature");
            fields = List.copyOf(fields);
        }

        @Override
        public String id() {
            return feature.id();
        }

        @Override
        public Entity entity() {
            return Entity.FEATURE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.createFeature(this);
        }

        @Override
        public Action action() {
            return Action.CREATE;
        }

        @Override
        public Level level() {
            return featureLevel(feature);
        }
    }

    /**
     * A feature whose name, kind or credit schema changes.
     *
     * @param before the feature as Autumn has it, or {@code null} when the DSL cannot read it (then it is replaced)
     * @param after the feature as the catalog has it
     * @param fields what changes; every field of {@code after} when {@code before} is {@code null}
     * @param dropped remote content the DSL cannot express that the update drops
     */
    record UpdateFeature(Feature before, Feature after, List<FieldChange> fields, List<String> dropped)
            implements Change {
        /** Copies the lists. */
        public UpdateFeature {
            Objects.requireNonNull(after, "after");
            fields = List.copyOf(fields);
            dropped = List.copyOf(dropped);
        }

        @Override
        public String id() {
            return after.id();
        }

        @Override
        public Entity entity() {
            return Entity.FEATURE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.updateFeature(this);
        }

        @Override
        public Action action() {
            return Action.UPDATE;
        }

        @Override
        public Level level() {
            return featureLevel(after);
        }

        /** {@code true} when only the archived flag changes: the catalog archives a feature it keeps. */
        public boolean flagOnly() {
            return Change.archivedOnly(before, fields);
        }
    }

    /**
     * An archived feature that is back in the catalog: un-archived, and updated when it differs.
     *
     * @param before the archived feature, or {@code null} when the DSL cannot read it
     * @param after the feature as the catalog has it
     * @param fields what changes besides the archived flag; empty for a plain un-archive
     * @param dropped remote content the DSL cannot express that the update drops
     */
    record UnarchiveFeature(Feature before, Feature after, List<FieldChange> fields, List<String> dropped)
            implements Change {
        /** Copies the lists. */
        public UnarchiveFeature {
            Objects.requireNonNull(after, "after");
            fields = List.copyOf(fields);
            dropped = List.copyOf(dropped);
        }

        @Override
        public String id() {
            return after.id();
        }

        @Override
        public Entity entity() {
            return Entity.FEATURE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unarchiveFeature(this);
        }

        @Override
        public Action action() {
            return Action.UNARCHIVE;
        }

        @Override
        public Level level() {
            return featureLevel(after);
        }

        /** {@code true} when only the archived flag changes. */
        public boolean flagOnly() {
            return before != null && fields.isEmpty();
        }
    }

    /**
     * A feature Autumn has and the catalog no longer does.
     *
     * @param id the feature id
     * @param before the feature as Autumn has it, or {@code null} when the DSL cannot read it
     * @param removal delete or archive, and why
     * @param unsupported remote content the DSL cannot express, removed with it
     */
    record RemoveFeature(String id, Feature before, Removal removal, List<String> unsupported) implements Change {
        /** Copies the list. */
        public RemoveFeature {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(removal, "removal");
            unsupported = List.copyOf(unsupported);
        }

        @Override
        public Entity entity() {
            return Entity.FEATURE;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.removeFeature(this);
        }

        @Override
        public Action action() {
            return Action.REMOVE;
        }

        @Override
        public Level level() {
            // Credit systems (and features the DSL cannot read, which may be credit systems) go before the metered
            // features they may draw from.
            return before == null || before.type() == FeatureType.CREDIT_SYSTEM
                    ? Level.CREDIT_SYSTEM_REMOVALS
                    : Level.FEATURE_REMOVALS;
        }

        /** The same removal with another decision. */
        public RemoveFeature withRemoval(Removal newRemoval) {
            return new RemoveFeature(id, before, newRemoval, unsupported);
        }
    }

    /**
     * A plan new to Autumn.
     *
     * @param product the plan to create
     * @param fields its fields
     */
    record CreatePlan(Product product, List<FieldChange> fields) implements Change {
        /** Copies the fields. */
        public CreatePlan {
            Objects.requireNonNull(product, "product");
            fields = List.copyOf(fields);
        }

        @Override
        public String id() {
            return product.id();
        }

        @Override
        public Entity entity() {
            return Entity.PLAN;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.createPlan(this);
        }

        @Override
        public Action action() {
            return Action.CREATE;
        }

        @Override
        public Level level() {
            return Level.PLANS;
        }
    }

    /**
     * A plan whose details, price, items or trial change.
     *
     * @param before the plan as Autumn has it (latest version), or {@code null} when the DSL cannot read it
     * @param after the plan as the catalog has it
     * @param fields what changes; every field of {@code after} when {@code before} is {@code null}
     * @param versioning whether the update creates a version, or {@code null} when Autumn was not asked (nothing priced
     *     changes, or the plan was made without live lookups)
     * @param dropped remote content the DSL cannot express that the update drops
     * @param releasesDefault {@code true} when the plan stops being its group's default while another plan becomes
     *     it: Autumn allows one default per group and kind, so this update goes first ({@link
     *     Level#PLAN_DEFAULT_RELEASES})
     */
    record UpdatePlan(
            Product before,
            Product after,
            List<FieldChange> fields,
            Versioning versioning,
            List<String> dropped,
            boolean releasesDefault)
            implements Change {
        /** Copies the lists. */
        public UpdatePlan {
            Objects.requireNonNull(after, "after");
            fields = List.copyOf(fields);
            dropped = List.copyOf(dropped);
        }

        /** An update that does not hand over a default. */
        public UpdatePlan(
                Product before, Product after, List<FieldChange> fields, Versioning versioning, List<String> dropped) {
            this(before, after, fields, versioning, dropped, false);
        }

        /** The same update, applied before other plans so that another plan can become the default. */
        public UpdatePlan releasingDefault() {
            return new UpdatePlan(before, after, fields, versioning, dropped, true);
        }

        @Override
        public String id() {
            return after.id();
        }

        @Override
        public Entity entity() {
            return Entity.PLAN;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.updatePlan(this);
        }

        @Override
        public Action action() {
            return Action.UPDATE;
        }

        @Override
        public Level level() {
            return releasesDefault ? Level.PLAN_DEFAULT_RELEASES : Level.PLANS;
        }

        /** {@code true} when price, items or trial change, so Autumn may create a version. */
        public boolean needsVersionCheck() {
            return Change.pricedChange(before, fields);
        }

        /** {@code true} when only the archived flag changes: the catalog archives a plan it keeps. */
        public boolean flagOnly() {
            return Change.archivedOnly(before, fields);
        }
    }

    /**
     * An archived plan that is back in the catalog: un-archived, and updated when it differs.
     *
     * @param before the archived plan (latest version), or {@code null} when the DSL cannot read it
     * @param after the plan as the catalog has it
     * @param fields what changes besides the archived flag; empty for a plain un-archive
     * @param versioning as for {@link UpdatePlan}
     * @param dropped remote content the DSL cannot express that the update drops
     */
    record UnarchivePlan(
            Product before, Product after, List<FieldChange> fields, Versioning versioning, List<String> dropped)
            implements Change {
        /** Copies the lists. */
        public UnarchivePlan {
            Objects.requireNonNull(after, "after");
            fields = List.copyOf(fields);
            dropped = List.copyOf(dropped);
        }

        @Override
        public String id() {
            return after.id();
        }

        @Override
        public Entity entity() {
            return Entity.PLAN;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unarchivePlan(this);
        }

        @Override
        public Action action() {
            return Action.UNARCHIVE;
        }

        @Override
        public Level level() {
            return Level.PLANS;
        }

        /** {@code true} when only the archived flag changes. */
        public boolean flagOnly() {
            return before != null && fields.isEmpty();
        }

        /** {@code true} when price, items or trial change, so Autumn may create a version. */
        public boolean needsVersionCheck() {
            return Change.pricedChange(before, fields);
        }
    }

    /**
     * A plan Autumn has and the catalog no longer does.
     *
     * @param id the plan id
     * @param before the plan as Autumn has it, or {@code null} when the DSL cannot read it
     * @param removal delete or archive, and why
     * @param unsupported remote content the DSL cannot express, removed with it
     * @param releasesDefault {@code true} when the plan is its group's default and another plan becomes it: the
     *     removal goes first ({@link Level#PLAN_DEFAULT_RELEASES})
     */
    record RemovePlan(String id, Product before, Removal removal, List<String> unsupported, boolean releasesDefault)
            implements Change {
        /** Copies the list. */
        public RemovePlan {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(removal, "removal");
            unsupported = List.copyOf(unsupported);
        }

        /** A removal that does not hand over a default. */
        public RemovePlan(String id, Product before, Removal removal, List<String> unsupported) {
            this(id, before, removal, unsupported, false);
        }

        /** The same removal, applied before other plans so that another plan can become the default. */
        public RemovePlan releasingDefault() {
            return new RemovePlan(id, before, removal, unsupported, true);
        }

        @Override
        public Entity entity() {
            return Entity.PLAN;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.removePlan(this);
        }

        @Override
        public Action action() {
            return Action.REMOVE;
        }

        @Override
        public Level level() {
            return releasesDefault ? Level.PLAN_DEFAULT_RELEASES : Level.PLAN_REMOVALS;
        }
    }

    private static Level featureLevel(Feature feature) {
        return feature.type() == FeatureType.CREDIT_SYSTEM ? Level.CREDIT_SYSTEMS : Level.FEATURES;
    }

    /** Price, items and trial are what Autumn versions on (CONTRACT §1.5). */
    /** The path of the archived flag in a {@link UpdateFeature} or {@link UpdatePlan}. */
    static final String ARCHIVED = "archived";

    private static boolean archivedOnly(Object before, List<FieldChange> fields) {
        return before != null && fields.size() == 1 && fields.get(0).path().equals(ARCHIVED);
    }

    private static boolean pricedChange(Product before, List<FieldChange> fields) {
        if (before == null) {
            return true;
        }
        for (FieldChange field : fields) {
            String path = field.path();
            if (path.startsWith("price") || path.startsWith("items") || path.startsWith("freeTrial")) {
                return true;
            }
        }
        return false;
    }
}
