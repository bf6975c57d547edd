package dev.autumncatalog.engine.plan;

import dev.autumncatalog.engine.autumn.VersionChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a push would change in Autumn, in the order it would change it (by {@link Level}), with the options it was made
 * with. Render it with {@link PlanRenderer} and {@link PlanJson}; apply it with {@link PushExecutor} (or the engine's
 * {@code CatalogSync}).
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
        int create = 0;
        int update = 0;
        int unarchive = 0;
        int archive = 0;
        int delete = 0;
        int undecided = 0;
        for (Change change : changes) {
            switch (change.action()) {
                case CREATE:
                    create++;
                    break;
                case UPDATE:
                    update++;
                    break;
                case UNARCHIVE:
                    unarchive++;
                    break;
                default:
                    Removal.Decision decision = removal(change).decision();
                    if (decision == Removal.Decision.ARCHIVE) {
                        archive++;
                    } else if (decision == Removal.Decision.DELETE) {
                        delete++;
                    } else {
                        undecided++;
                    }
            }
        }
        return new Summary(create, update, archive + delete + undecided, archive, delete, undecided, unarchive);
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
        List<String> undecided = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        List<String> removalText = new ArrayList<>();
        List<String> versionText = new ArrayList<>();
        List<String> dropText = new ArrayList<>();
        for (Change change : changes) {
            String subject = change.entity().word() + " " + change.id();
            if (change.action() == Change.Action.REMOVE) {
                Removal removal = removal(change);
                removals.add(subject);
                removalText.add(subject + " (" + removal.decision().word() + ": " + removal.reason() + ")");
                if (removal.decision() == Removal.Decision.UNDECIDED) {
                    undecided.add(subject + " (archive or delete?)");
                }
            }
            Versioning versioning = versioning(change);
            if (versioning == null && needsVersionCheck(change)) {
                undecided.add(subject + " (new version?)");
            }
            if (versioning != null && versioning.willVersion()) {
                versions.add(subject);
                versionText.add(subject + " (version " + versioning.nextVersion()
                        + (versioning.estimated() ? " if its current version has customers" : "") + ")");
            }
            if (!change.dropped().isEmpty()) {
                drops.add(subject);
                dropText.add(subject + " (" + String.join("; ", change.dropped()) + ")");
            }
        }
        if (!removals.isEmpty() && !options.allowRemovals()) {
            blockers.add(new Blocker(
                    Blocker.Kind.REMOVALS,
                    removals,
                    "Removals are off, and the catalog no longer has: " + String.join(", ", removalText)
                            + ". Add them back to the catalog, or allow removals with -D"
                            + PlanOptions.ALLOW_REMOVALS_PROPERTY + "=true."));
        }
        if (!undecided.isEmpty()) {
            blockers.add(new Blocker(
                    Blocker.Kind.UNDECIDED,
                    undecided,
                    "Autumn was not asked about " + String.join(", ", undecided)
                            + ". Make the plan again with live lookups."));
        }
        if (!versions.isEmpty() && options.versionPolicy() == VersionPolicy.FAIL) {
            blockers.add(new Blocker(
                    Blocker.Kind.VERSIONS,
                    versions,
                    "These updates create a new version because the plan has customers: "
                            + String.join(", ", versionText) + ". Choose -D" + PlanOptions.VERSION_POLICY_PROPERTY
                            + "=create-version (existing customers keep their version) or -D"
                            + PlanOptions.VERSION_POLICY_PROPERTY
                            + "=update-in-place (they get the change too)."));
        }
        if (!drops.isEmpty() && !options.dropUnsupported()) {
            blockers.add(new Blocker(
                    Blocker.Kind.DROPS,
                    drops,
                    "These updates drop what the DSL cannot express: " + String.join(", ", dropText)
                            + ". Allow it with -D" + PlanOptions.DROP_UNSUPPORTED_PROPERTY
                            + "=true, or make these changes in the Autumn dashboard."));
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

    static Removal removal(Change change) {
        if (change instanceof Change.RemovePlan) {
            return ((Change.RemovePlan) change).removal();
        }
        if (change instanceof Change.RemoveFeature) {
            return ((Change.RemoveFeature) change).removal();
        }
        return null;
    }

    private static boolean needsVersionCheck(Change change) {
        if (change instanceof Change.UpdatePlan) {
            return ((Change.UpdatePlan) change).needsVersionCheck();
        }
        if (change instanceof Change.UnarchivePlan) {
            return ((Change.UnarchivePlan) change).needsVersionCheck();
        }
        return false;
    }

    static Versioning versioning(Change change) {
        if (change instanceof Change.UpdatePlan) {
            return ((Change.UpdatePlan) change).versioning();
        }
        if (change instanceof Change.UnarchivePlan) {
            return ((Change.UnarchivePlan) change).versioning();
        }
        return null;
    }
}
