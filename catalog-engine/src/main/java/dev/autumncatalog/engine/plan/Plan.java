package dev.autumncatalog.engine.plan;

import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.VersionChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a push would change in Autumn, in the order it would change it (by {@link Level}), with the options it was made
 * with. The report package renders it ({@code PlanRenderer}, {@code PlanJson}); the push package applies it
 * ({@code PushExecutor}).
 *
 * @param options the target and what the user allows
 * @param changes every change, ordered by level, then catalog order (removals by id)
 * @param warnings what the reader should know that is not a change
 */
public record Plan(PlanOptions options, List<Change> changes, List<Warning> warnings) {

    /** Copies the lists; changes must be in level order. */
    public Plan {
        Objects.requireNonNull(options, "options");
        changes = List.copyOf(changes);
        warnings = List.copyOf(warnings);
        for (int i = 1; i < changes.size(); i++) {
            if (changes.get(i).level().compareTo(changes.get(i - 1).level()) < 0) {
                throw new IllegalArgumentException(
                        "changes must be in level order, but " + changes.get(i).headline() + " comes after "
                                + changes.get(i - 1).headline());
            }
        }
    }

    /** {@code true} when Autumn already matches the catalog. */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The same plan with other options (after the user answered a question, say). */
    public Plan withOptions(PlanOptions newOptions) {
        return new Plan(newOptions, changes, warnings);
    }

    /** The changes of one level, in plan order. */
    public List<Change> changes(Level level) {
        List<Change> result = new ArrayList<>();
        for (Change change : changes) {
            if (change.level() == level) {
                result.add(change);
            }
        }
        return result;
    }

    /** How many changes of each kind. */
    public Summary summary() {
        int archive = removals(Removal.Decision.ARCHIVE);
        int delete = removals(Removal.Decision.DELETE);
        int undecided = removals(Removal.Decision.UNDECIDED);
        return new Summary(
                count(Change.Action.CREATE),
                count(Change.Action.UPDATE),
                archive + delete + undecided,
                archive,
                delete,
                undecided,
                count(Change.Action.UNARCHIVE));
    }

    private int count(Change.Action action) {
        return (int)
                changes.stream().filter(change -> change.action() == action).count();
    }

    private int removals(Removal.Decision decision) {
        return (int) changes.stream()
                .map(Plan::removal)
                .filter(removal -> removal != null && removal.decision() == decision)
                .count();
    }

    /**
     * Counts of a plan.
     *
     * @param create entities created
     * @param update entities updated
     * @param remove entities removed: {@code archive + delete + undecided}
     * @param archive removals that archive
     * @param delete removals that delete
     * @param undecided removals Autumn was not asked about
     * @param unarchive entities un-archived (some also updated)
     */
    public record Summary(int create, int update, int remove, int archive, int delete, int undecided, int unarchive) {}

    /** The decisions a push needs before it may start; empty when it may start. */
    public List<Blocker> blockers() {
        List<Blocker> blockers = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        List<String> removalDetails = new ArrayList<>();
        List<String> undecided = new ArrayList<>();
        List<String> undecidedDetails = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        List<String> versionDetails = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        List<String> dropDetails = new ArrayList<>();
        for (Change change : changes) {
            String subject = change.entity().word() + " " + change.id();
            Removal removal = removal(change);
            if (removal != null) {
                removals.add(subject);
                removalDetails.add(subject + " (" + removal.decision().word() + ": " + removal.reason() + ")");
                if (removal.decision() == Removal.Decision.UNDECIDED) {
                    undecided.add(subject);
                    undecidedDetails.add(subject + " (archive or delete?)");
                }
            }
            Versioning versioning = versioning(change);
            if (versioning == null && needsVersionCheck(change)) {
                undecided.add(subject);
                undecidedDetails.add(subject + " (new version?)");
            }
            if (versioning != null && versioning.willVersion()) {
                versions.add(subject);
                versionDetails.add(subject + " (version " + versioning.nextVersion()
                        + (versioning.estimated() ? " if its current version has customers" : "") + ")");
            }
            if (!change.dropped().isEmpty()) {
                drops.add(subject);
                dropDetails.add(subject + " (" + String.join("; ", change.dropped()) + ")");
            }
        }
        if (!removals.isEmpty() && !options.allowRemovals()) {
            blockers.add(new Blocker(Blocker.Kind.REMOVALS, removals, removalDetails));
        }
        if (!undecided.isEmpty()) {
            blockers.add(new Blocker(Blocker.Kind.UNDECIDED, undecided, undecidedDetails));
        }
        if (!versions.isEmpty() && options.versionPolicy() == VersionPolicy.FAIL) {
            blockers.add(new Blocker(Blocker.Kind.VERSIONS, versions, versionDetails));
        }
        if (!drops.isEmpty() && !options.dropUnsupported()) {
            blockers.add(new Blocker(Blocker.Kind.DROPS, drops, dropDetails));
        }
        return blockers;
    }

    /** The version choice a push sends with {@code change} (a plan update or un-archive). */
    public VersionChoice versionChoice(Change change) {
        Versioning versioning = versioning(change);
        if (versioning != null && versioning.willVersion() && options.versionPolicy() != VersionPolicy.FAIL) {
            return options.versionPolicy().choice();
        }
        // Nothing versions (or it was not asked): Autumn's default, which never changes existing customers' version
        // if customers appeared since the plan was made.
        return VersionChoice.CREATE_VERSION;
    }

    /** The removal decision of a change that removes; {@code null} for any other change. */
    public static Removal removal(Change change) {
        return change.accept(FACTS).removal;
    }

    /** Autumn's versioning answer for a plan update or un-archive; {@code null} otherwise or when not asked. */
    public static Versioning versioning(Change change) {
        return change.accept(FACTS).versioning;
    }

    /** {@code true} for a plan update or un-archive that changes price, items or trial, so Autumn may version. */
    public static boolean needsVersionCheck(Change change) {
        return change.accept(FACTS).versionCheck;
    }

    /** The plan as the catalog has it, for a change that writes a plan's content; {@code null} otherwise. */
    public static Product updatedPlan(Change change) {
        return change.accept(FACTS).updatedPlan;
    }

    /** What only some kinds of change have, read in one visit. */
    private record Facts(Removal removal, Versioning versioning, boolean versionCheck, Product updatedPlan) {
        static final Facts NONE = new Facts(null, null, false, null);
    }

    private static final Change.Visitor<Facts> FACTS = new Change.Visitor<>() {
        @Override
        public Facts createFeature(Change.CreateFeature change) {
            return Facts.NONE;
        }

        @Override
        public Facts updateFeature(Change.UpdateFeature change) {
            return Facts.NONE;
        }

        @Override
        public Facts unarchiveFeature(Change.UnarchiveFeature change) {
            return Facts.NONE;
        }

        @Override
        public Facts removeFeature(Change.RemoveFeature change) {
            return new Facts(change.removal(), null, false, null);
        }

        @Override
        public Facts createPlan(Change.CreatePlan change) {
            return Facts.NONE; // a new plan has no customers to version for
        }

        @Override
        public Facts updatePlan(Change.UpdatePlan change) {
            return new Facts(null, change.versioning(), change.needsVersionCheck(), change.after());
        }

        @Override
        public Facts unarchivePlan(Change.UnarchivePlan change) {
            return new Facts(null, change.versioning(), change.needsVersionCheck(), change.after());
        }

        @Override
        public Facts removePlan(Change.RemovePlan change) {
            return new Facts(change.removal(), null, false, null);
        }
    };
}
