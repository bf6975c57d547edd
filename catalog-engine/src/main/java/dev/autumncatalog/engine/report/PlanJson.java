package dev.autumncatalog.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.engine.plan.Blocker;
import dev.autumncatalog.engine.plan.Change;
import dev.autumncatalog.engine.plan.FieldChange;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.PlanBasis;
import dev.autumncatalog.engine.plan.Removal;
import dev.autumncatalog.engine.plan.Versioning;
import dev.autumncatalog.engine.plan.Warning;
import dev.autumncatalog.engine.text.FrontEnd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The plan as JSON, for tools and CI ({@code target/autumn/plan.json}). Keys come in a fixed order; changed values are
 * JSON numbers, booleans, strings and objects, with the text plan's wording beside them ({@code beforeText}, {@code
 * afterText}); lines end with {@code \n}: the same plan always gives the same bytes.
 *
 * <pre>{@code
 * PlanJson.write(plan, Path.of("build/autumn/plan.json"), FrontEnd.NEUTRAL);
 * }</pre>
 *
 * The format is described in {@code docs/PLAN-FORMAT.md}; {@code "format"} is raised on incompatible changes.
 */
public final class PlanJson {
    /** The version of this JSON format. */
    public static final int FORMAT = 3;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN) // 1000, never 1E+3
            .build();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private PlanJson() {}

    /** The plan as JSON text, ending with a newline; blocker messages with {@link FrontEnd#NEUTRAL} names. */
    public static String render(Plan plan) {
        return render(plan, FrontEnd.NEUTRAL);
    }

    /** The plan as JSON text, ending with a newline; blocker messages name settings as {@code frontEnd} does. */
    public static String render(Plan plan, FrontEnd frontEnd) {
        return render(tree(plan, frontEnd));
    }

    /** A plan tree as JSON text, ending with a newline. */
    static String render(ObjectNode tree) {
        try {
            return WRITER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan tree always serialises", e);
        }
    }

    /**
     * Writes the plan to {@code file} in UTF-8, creating its directory.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void write(Plan plan, Path file, FrontEnd frontEnd) {
        write(plan, null, file, frontEnd);
    }

    /**
     * Writes the plan and what it was made from ({@code basis}; {@code null} for none) to {@code file} in UTF-8,
     * creating its directory: a plan with a basis can be applied later exactly as it was reviewed.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public static void write(Plan plan, PlanBasis basis, Path file, FrontEnd frontEnd) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, render(tree(plan, basis, frontEnd)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the plan to " + file + ": " + e.getMessage(), e);
        }
    }

    /** The plan as a Jackson tree, blocker messages with {@link FrontEnd#NEUTRAL} names. */
    public static ObjectNode tree(Plan plan) {
        return tree(plan, FrontEnd.NEUTRAL);
    }

    /** The plan as a Jackson tree. */
    public static ObjectNode tree(Plan plan, FrontEnd frontEnd) {
        return tree(plan, null, frontEnd);
    }

    /** The plan as a Jackson tree, with what it was made from ({@code basis}; {@code null} for none). */
    public static ObjectNode tree(Plan plan, PlanBasis basis, FrontEnd frontEnd) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("target", plan.options().target());
        root.put("environment", plan.options().environment());
        ObjectNode options = root.putObject("options");
        options.put("allowRemovals", plan.options().allowRemovals());
        options.put("versionPolicy", plan.options().versionPolicy().word());
        options.put("dropUnsupported", plan.options().dropUnsupported());
        root.put("empty", plan.isEmpty());
        Plan.Summary summary = plan.summary();
        ObjectNode counts = root.putObject("summary");
        counts.put("create", summary.create());
        counts.put("update", summary.update());
        counts.put("remove", summary.remove());
        counts.put("archive", summary.archive());
        counts.put("delete", summary.delete());
        counts.put("undecided", summary.undecided());
        counts.put("unarchive", summary.unarchive());
        // Whether a push in batch mode would apply it as it stands, and what it waits for if not: CI reads these.
        counts.put("applicable", plan.blockers().isEmpty());
        ArrayNode blockerKinds = counts.putArray("blockers");
        for (Blocker blocker : plan.blockers()) {
            blockerKinds.add(blocker.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (basis != null) {
            ObjectNode made = root.putObject("basis");
            made.put("catalog", basis.catalog());
            made.put("autumn", basis.autumn());
            made.put("customers", basis.customers());
        }
        ArrayNode changes = root.putArray("changes");
        int number = 0;
        for (Change change : plan.changes()) {
            changes.add(change(plan, change, ++number));
        }
        ArrayNode warnings = root.putArray("warnings");
        for (Warning warning : plan.warnings()) {
            ObjectNode node = warnings.addObject();
            node.put("entity", warning.entity().word());
            node.put("id", warning.id());
            node.put("message", warning.message());
        }
        ArrayNode blockers = root.putArray("blockers");
        for (Blocker blocker : plan.blockers()) {
            ObjectNode node = blockers.addObject();
            node.put("kind", blocker.kind().name().toLowerCase(java.util.Locale.ROOT));
            strings(node.putArray("subjects"), blocker.subjects());
            ArrayNode fixes = node.putArray("fixes");
            for (Blocker.Fix fix : blocker.kind().fixes()) {
                ObjectNode entry = fixes.addObject();
                entry.put("setting", fix.setting().key());
                entry.put("value", fix.value());
                entry.put("text", frontEnd.assignment(fix.setting(), fix.value()));
            }
            node.put("message", blocker.message(frontEnd));
        }
        return root;
    }

    private static ObjectNode change(Plan plan, Change change, int number) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("number", number);
        node.put("level", change.level().word());
        node.put("action", change.action().word());
        node.put("entity", change.entity().word());
        node.put("id", change.id());
        if (change.action() != Change.Action.REMOVE) {
            ArrayNode fields = node.putArray("fields");
            for (FieldChange field : change.fields()) {
                ObjectNode entry = fields.addObject();
                entry.put("path", field.path());
                entry.put("kind", ValueJson.kind(field.after() != null ? field.after() : field.before()));
                entry.set("before", ValueJson.of(field.before()));
                entry.set("after", ValueJson.of(field.after()));
                entry.put(
                        "beforeText",
                        field.before() == null ? null : field.before().text());
                entry.put(
                        "afterText",
                        field.after() == null ? null : field.after().text());
            }
        }
        Versioning versioning = Plan.versioning(change);
        if (versioning != null) {
            ObjectNode entry = node.putObject("versioning");
            entry.put("currentVersion", versioning.currentVersion());
            entry.put("willVersion", versioning.willVersion());
            entry.put("estimated", versioning.estimated());
            entry.put(
                    "choice",
                    versioning.willVersion() ? plan.options().versionPolicy().word() : "none");
        }
        Removal removal = Plan.removal(change);
        if (removal != null) {
            ObjectNode entry = node.putObject("removal");
            entry.put("decision", removal.decision().word());
            entry.put("reason", removal.reason());
            entry.put("allowed", plan.options().allowRemovals());
        }
        if (!change.dropped().isEmpty()) {
            strings(node.putArray("dropped"), change.dropped());
        }
        List<String> unsupported = unsupported(change);
        if (!unsupported.isEmpty()) {
            strings(node.putArray("unsupported"), unsupported);
        }
        return node;
    }

    /** What the DSL cannot express on an entity a removal takes away with it; empty for other changes. */
    private static List<String> unsupported(Change change) {
        return change.accept(new Change.Visitor<List<String>>() {
            @Override
            public List<String> createFeature(Change.CreateFeature change) {
                return List.of();
            }

            @Override
            public List<String> updateFeature(Change.UpdateFeature change) {
                return List.of(); // an update lists what it replaces under dropped
            }

            @Override
            public List<String> unarchiveFeature(Change.UnarchiveFeature change) {
                return List.of();
            }

            @Override
            public List<String> removeFeature(Change.RemoveFeature change) {
                return change.unsupported();
            }

            @Override
            public List<String> createPlan(Change.CreatePlan change) {
                return List.of();
            }

            @Override
            public List<String> updatePlan(Change.UpdatePlan change) {
                return List.of();
            }

            @Override
            public List<String> unarchivePlan(Change.UnarchivePlan change) {
                return List.of();
            }

            @Override
            public List<String> removePlan(Change.RemovePlan change) {
                return change.unsupported();
            }
        });
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
