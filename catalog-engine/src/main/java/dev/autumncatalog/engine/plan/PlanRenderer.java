package dev.autumncatalog.engine.plan;

import dev.autumncatalog.dsl.Feature;
import java.util.List;
import java.util.Set;

/**
 * The plan as text, terraform-like: one line per change, indented field lines below it, warnings, a summary and what
 * blocks a push. Stable: the same plan always renders the same text, with {@code \n} line ends.
 *
 * <pre>
 * Autumn plan for acme (sandbox)
 *
 *   + feature api_calls  (single-use, "API Calls")
 *   ~ plan free
 *       items[api_calls].included: 1,000 → 2,000
 *   - plan legacy  (archive: it has customers)
 *
 * Plan: 1 to create, 1 to update, 1 to remove (1 archive, 0 delete), 0 to un-archive.
 * </pre>
 *
 * The whole format, with every kind of line, is in {@code docs/PLAN-FORMAT.md}.
 */
public final class PlanRenderer {
    private static final Set<String> TEXT_FIELDS = Set.of("name", "description", "group");

    private PlanRenderer() {}

    /** The whole plan. */
    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append("Autumn plan for ")
                .append(plan.options().target())
                .append(" (")
                .append(plan.options().environment())
                .append(")\n\n");
        if (plan.isEmpty()) {
            out.append("No changes. Autumn matches the catalog.\n");
            warnings(plan, out);
            return out.toString();
        }
        for (Change change : plan.changes()) {
            change(plan, change, out);
        }
        warnings(plan, out);
        Plan.Summary summary = plan.summary();
        out.append("\nPlan: ")
                .append(summary.create())
                .append(" to create, ")
                .append(summary.update())
                .append(" to update, ")
                .append(summary.remove())
                .append(" to remove (")
                .append(summary.archive())
                .append(" archive, ")
                .append(summary.delete())
                .append(" delete");
        if (summary.undecided() > 0) {
            out.append(", ").append(summary.undecided()).append(" undecided");
        }
        out.append("), ").append(summary.unarchive()).append(" to un-archive.\n");
        List<Blocker> blockers = plan.blockers();
        if (!blockers.isEmpty()) {
            out.append("\nA push would stop before changing anything:\n");
            for (Blocker blocker : blockers) {
                out.append("  ! ").append(blocker.message()).append('\n');
            }
        }
        return out.toString();
    }

    private static void change(Plan plan, Change change, StringBuilder out) {
        out.append("  ").append(change.headline());
        String note = note(plan, change);
        if (!note.isEmpty()) {
            out.append("  ").append(note);
        }
        out.append('\n');
        boolean creates = change.action() == Change.Action.CREATE || replaces(change);
        for (FieldChange field : change.fields()) {
            if (change.action() == Change.Action.CREATE && isHeadlineField(change, field)) {
                continue;
            }
            out.append("      ").append(field.path()).append(": ");
            if (creates) {
                out.append(value(field.path(), field.after()));
            } else {
                out.append(value(field.path(), field.before()))
                        .append(" → ")
                        .append(value(field.path(), field.after()));
            }
            out.append('\n');
        }
        for (String dropped : change.dropped()) {
            out.append("      drops: ").append(dropped).append('\n');
        }
    }

    /** What follows the headline, after two spaces; empty for a plain update. */
    private static String note(Plan plan, Change change) {
        if (change instanceof Change.CreateFeature) {
            Feature feature = ((Change.CreateFeature) change).feature();
            return "(" + feature.type().word() + ", " + quote(feature.name()) + ")";
        }
        if (change instanceof Change.CreatePlan) {
            return quote(((Change.CreatePlan) change).product().name());
        }
        String first =
                change.level() == Level.PLAN_DEFAULT_RELEASES ? "first, so another plan can be the default" : null;
        if (change.action() == Change.Action.REMOVE) {
            Removal removal = Plan.removal(change);
            String suffix = first == null ? ")" : "; " + first + ")";
            if (removal.decision() == Removal.Decision.UNDECIDED) {
                return "(archive or delete: not looked up" + suffix;
            }
            String prefix = plan.options().allowRemovals() ? "" : "would ";
            return "(" + prefix + removal.decision().word() + ": " + removal.reason() + suffix;
        }
        StringBuilder note = new StringBuilder();
        if (first != null) {
            note.append('(').append(first).append(')');
        }
        if (change.action() == Change.Action.UNARCHIVE) {
            note.append(change.fields().isEmpty() ? "(un-archive)" : "(un-archive and update)");
        }
        if (replaces(change)) {
            append(note, "(replaces a " + change.entity().word() + " the DSL cannot read)");
        }
        Versioning versioning = Plan.versioning(change);
        if (versioning != null && versioning.willVersion()) {
            append(note, versioningNote(plan.options().versionPolicy(), change.id(), versioning));
        }
        return note.toString();
    }

    private static String versioningNote(VersionPolicy policy, String id, Versioning versioning) {
        String will = versioning.estimated() ? "may create" : "will create";
        String why = versioning.estimated() ? "it has had customers" : "it has customers";
        switch (policy) {
            case CREATE_VERSION:
                return will + " version " + versioning.nextVersion() + " of plan '" + id + "' (" + why + ")";
            case UPDATE_IN_PLACE:
                return "will change version " + versioning.currentVersion() + " of plan '" + id
                        + "' in place (its customers get the change)";
            default:
                return (versioning.estimated() ? "may create" : "would create") + " version " + versioning.nextVersion()
                        + " of plan '" + id + "' (" + why + "; choose a version policy)";
        }
    }

    private static void append(StringBuilder note, String text) {
        if (note.length() > 0) {
            note.append("  ");
        }
        note.append(text);
    }

    private static boolean replaces(Change change) {
        if (change instanceof Change.UpdateFeature) {
            return ((Change.UpdateFeature) change).before() == null;
        }
        if (change instanceof Change.UnarchiveFeature) {
            return ((Change.UnarchiveFeature) change).before() == null;
        }
        if (change instanceof Change.UpdatePlan) {
            return ((Change.UpdatePlan) change).before() == null;
        }
        if (change instanceof Change.UnarchivePlan) {
            return ((Change.UnarchivePlan) change).before() == null;
        }
        return false;
    }

    /** A create's name (and a feature's type) are on its headline already. */
    private static boolean isHeadlineField(Change change, FieldChange field) {
        return field.path().equals("name")
                || (change.entity() == Change.Entity.FEATURE && field.path().equals("type"));
    }

    private static void warnings(Plan plan, StringBuilder out) {
        if (plan.warnings().isEmpty()) {
            return;
        }
        out.append("\nWarnings:\n");
        for (Warning warning : plan.warnings()) {
            out.append("  ! ").append(warning).append('\n');
        }
    }

    private static String value(String path, String value) {
        if (value == null) {
            return "none";
        }
        return TEXT_FIELDS.contains(path) ? quote(value) : value;
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
