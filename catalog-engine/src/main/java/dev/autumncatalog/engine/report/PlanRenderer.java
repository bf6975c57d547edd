package dev.autumncatalog.engine.report;

import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.engine.plan.Blocker;
import dev.autumncatalog.engine.plan.Change;
import dev.autumncatalog.engine.plan.FieldChange;
import dev.autumncatalog.engine.plan.Level;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.Removal;
import dev.autumncatalog.engine.plan.Value;
import dev.autumncatalog.engine.plan.VersionPolicy;
import dev.autumncatalog.engine.plan.Versioning;
import dev.autumncatalog.engine.plan.Warning;
import dev.autumncatalog.engine.text.FrontEnd;
import java.util.List;

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
    private PlanRenderer() {}

    /** The whole plan, blockers naming settings with {@link FrontEnd#NEUTRAL} names. */
    public static String render(Plan plan) {
        return render(plan, FrontEnd.NEUTRAL);
    }

    /** The whole plan, blockers naming the settings that unblock a push as {@code frontEnd} does. */
    public static String render(Plan plan, FrontEnd frontEnd) {
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
                out.append("  ! ").append(blocker.message(frontEnd)).append('\n');
            }
        }
        return out.toString();
    }

    private static void change(Plan plan, Change change, StringBuilder out) {
        out.append("  ").append(change.headline());
        Head head = head(plan, change);
        if (!head.note().isEmpty()) {
            out.append("  ").append(head.note());
        }
        out.append('\n');
        boolean creates = head.createStyle();
        for (FieldChange field : change.fields()) {
            if (change.action() == Change.Action.CREATE && isHeadlineField(change, field)) {
                continue;
            }
            out.append("      ").append(field.path()).append(": ");
            if (creates) {
                out.append(value(field.after()));
            } else {
                out.append(value(field.before())).append(" → ").append(value(field.after()));
            }
            out.append('\n');
        }
        for (String dropped : change.dropped()) {
            out.append("      drops: ").append(dropped).append('\n');
        }
    }

    /**
     * What follows the headline, after two spaces (empty for a plain update), and whether the fields show create-style
     * ({@code path: value}): for creates, and for replacements of an entity the DSL cannot read.
     */
    private record Head(String note, boolean createStyle) {}

    private static Head head(Plan plan, Change change) {
        return change.accept(new Change.Visitor<Head>() {
            @Override
            public Head createFeature(Change.CreateFeature change) {
                Feature feature = change.feature();
                return new Head("(" + feature.type().word() + ", " + quote(feature.name()) + ")", true);
            }

            @Override
            public Head updateFeature(Change.UpdateFeature change) {
                return updateHead(plan, change, change.before() == null);
            }

            @Override
            public Head unarchiveFeature(Change.UnarchiveFeature change) {
                return updateHead(plan, change, change.before() == null);
            }

            @Override
            public Head removeFeature(Change.RemoveFeature change) {
                return new Head(removalNote(plan, change, change.removal()), false);
            }

            @Override
            public Head createPlan(Change.CreatePlan change) {
                return new Head(quote(change.product().name()), true);
            }

            @Override
            public Head updatePlan(Change.UpdatePlan change) {
                return updateHead(plan, change, change.before() == null);
            }

            @Override
            public Head unarchivePlan(Change.UnarchivePlan change) {
                return updateHead(plan, change, change.before() == null);
            }

            @Override
            public Head removePlan(Change.RemovePlan change) {
                return new Head(removalNote(plan, change, change.removal()), false);
            }
        });
    }

    private static String removalNote(Plan plan, Change change, Removal removal) {
        String first = firstNote(change);
        String suffix = first == null ? ")" : "; " + first + ")";
        if (removal.decision() == Removal.Decision.UNDECIDED) {
            return "(archive or delete: not looked up" + suffix;
        }
        String prefix = plan.options().allowRemovals() ? "" : "would ";
        return "(" + prefix + removal.decision().word() + ": " + removal.reason() + suffix;
    }

    /** An update or un-archive: default hand-over, un-archive, replacement, versioning. */
    private static Head updateHead(Plan plan, Change change, boolean replaces) {
        String first = firstNote(change);
        StringBuilder note = new StringBuilder();
        if (first != null) {
            note.append('(').append(first).append(')');
        }
        if (change.action() == Change.Action.UNARCHIVE) {
            note.append(change.fields().isEmpty() ? "(un-archive)" : "(un-archive and update)");
        }
        if (replaces) {
            append(note, "(replaces a " + change.entity().word() + " the DSL cannot read)");
        }
        Versioning versioning = Plan.versioning(change);
        if (versioning != null && versioning.willVersion()) {
            append(note, versioningNote(plan.options().versionPolicy(), change.id(), versioning));
        }
        return new Head(note.toString(), replaces);
    }

    private static String firstNote(Change change) {
        return change.level() == Level.PLAN_DEFAULT_RELEASES ? "first, so another plan can be the default" : null;
    }

    private static String versioningNote(VersionPolicy policy, String id, Versioning versioning) {
        String will = versioning.estimated() ? "may create" : "will create";
        String why = versioning.estimated() ? "it has had customers" : "it has customers";
        return switch (policy) {
            case CREATE_VERSION ->
                will + " version " + versioning.nextVersion() + " of plan '" + id + "' (" + why + ")";
            case UPDATE_IN_PLACE ->
                "will change version " + versioning.currentVersion() + " of plan '" + id
                        + "' in place (its customers get the change)";
            case FAIL ->
                (versioning.estimated() ? "may create" : "would create") + " version " + versioning.nextVersion()
                        + " of plan '" + id + "' (" + why + "; choose a version policy)";
        };
    }

    private static void append(StringBuilder note, String text) {
        if (note.length() > 0) {
            note.append("  ");
        }
        note.append(text);
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

    /** A value's wording; names, descriptions and groups quoted; {@code none} when absent. */
    private static String value(Value value) {
        if (value == null) {
            return "none";
        }
        return value instanceof Value.Text ? quote(value.text()) : value.text(); // only free text is quoted
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
