package dev.autumncatalog.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.engine.plan.VersionPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code plan.json} saved to be applied later, the Terraform {@code apply PLANFILE} way: what was reviewed is what is
 * applied. A push reads it, plans again with its decisions, and applies the new plan only when it is the same plan
 * made from the same catalog, the same Autumn catalog and the same customers facts; {@link #differences} says what
 * moved otherwise.
 *
 * <pre>{@code
 * SavedPlan saved = SavedPlan.read(Path.of("target/autumn/plan.json"));
 * List<String> moved = saved.differences(PlanJson.tree(freshPlan, freshBasis, frontEnd));   // empty: apply it
 * }</pre>
 */
public final class SavedPlan {
    private static final JsonMapper MAPPER = new JsonMapper();

    private final Path file;
    private final JsonNode json;

    private SavedPlan(Path file, JsonNode json) {
        this.file = file;
        this.json = json;
    }

    /**
     * Reads a plan that {@link PlanJson} wrote with its basis.
     *
     * @throws IllegalArgumentException naming the file when it is missing, not JSON, of another format or without
     *     the basis a saved plan needs
     */
    public static SavedPlan read(Path file) {
        Objects.requireNonNull(file, "file");
        JsonNode json;
        try {
            json = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("There is no saved plan at " + file + "; make one with the plan goal.");
        } catch (IOException e) {
            throw new IllegalArgumentException("The saved plan " + file + " cannot be read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("The saved plan " + file + " cannot be read: " + e.getMessage());
        }
        if (json == null || json.path("format").asInt() != PlanJson.FORMAT) {
            throw new IllegalArgumentException(
                    "The saved plan " + file + " is not a plan of format " + PlanJson.FORMAT + " (was "
                            + (json == null ? "empty" : json.path("format")) + "); make a new one with the plan goal.");
        }
        if (!json.path("basis").isObject()) {
            throw new IllegalArgumentException("The saved plan " + file + " does not say what it was made from (no"
                    + " \"basis\"); make a new one with the plan goal of this version.");
        }
        return new SavedPlan(file, json);
    }

    /** The file it was read from. */
    public Path file() {
        return file;
    }

    /** Whether the reviewed plan allowed removals. */
    public boolean allowRemovals() {
        return json.path("options").path("allowRemovals").asBoolean(false);
    }

    /** The reviewed plan's version policy. */
    public VersionPolicy versionPolicy() {
        return VersionPolicy.parse(json.path("options").path("versionPolicy").asText("fail"));
    }

    /** Whether the reviewed plan allowed dropping what the DSL cannot express. */
    public boolean dropUnsupported() {
        return json.path("options").path("dropUnsupported").asBoolean(false);
    }

    /**
     * What differs between this saved plan and {@code fresh} (a plan made now, as {@link PlanJson#tree(
     * dev.autumncatalog.engine.plan.Plan, dev.autumncatalog.engine.plan.PlanBasis,
     * dev.autumncatalog.engine.text.FrontEnd)} renders it): one line per moved input and per change planned
     * differently; empty when the fresh plan is the reviewed one.
     */
    public List<String> differences(ObjectNode planned) {
        // Compared as read back from text: a number the tree holds as a BigDecimal reads back as an int.
        JsonNode fresh;
        try {
            fresh = MAPPER.readTree(PlanJson.render(planned));
        } catch (IOException e) {
            throw new IllegalStateException("a plan tree always reads back", e);
        }
        List<String> lines = new ArrayList<>();
        if (!json.path("target").equals(fresh.path("target"))) {
            lines.add("it was made for " + json.path("target").asText() + ", but this push goes to "
                    + fresh.path("target").asText());
        }
        JsonNode was = json.path("basis");
        JsonNode now = fresh.path("basis");
        if (!was.path("catalog").equals(now.path("catalog"))) {
            lines.add("the catalog changed since the plan was made");
        }
        if (!was.path("autumn").equals(now.path("autumn"))) {
            lines.add("Autumn's catalog changed since the plan was made");
        }
        if (!was.path("customers").equals(now.path("customers"))) {
            lines.add("the customers behind its versioning or removal decisions changed since the plan was made");
        }
        Map<String, JsonNode> reviewed = changes(json);
        Map<String, JsonNode> plannedNow = changes(fresh);
        for (Map.Entry<String, JsonNode> entry : reviewed.entrySet()) {
            JsonNode current = plannedNow.get(entry.getKey());
            if (current == null) {
                lines.add("reviewed but no longer planned: " + entry.getKey());
            } else if (!current.equals(entry.getValue())) {
                lines.add("planned differently now: " + entry.getKey());
            }
        }
        for (String key : plannedNow.keySet()) {
            if (!reviewed.containsKey(key)) {
                lines.add("planned now but not reviewed: " + key);
            }
        }
        if (!json.path("blockers").equals(fresh.path("blockers"))) {
            lines.add("what it waits for (its blockers) changed");
        }
        return lines;
    }

    /** The changes by {@code update plan pro}, without their position (the number). */
    private static Map<String, JsonNode> changes(JsonNode plan) {
        Map<String, JsonNode> changes = new LinkedHashMap<>();
        for (JsonNode change : plan.path("changes")) {
            ObjectNode copy = change.deepCopy();
            copy.remove("number");
            changes.put(
                    change.path("action").asText() + " " + change.path("entity").asText() + " "
                            + change.path("id").asText(),
                    copy);
        }
        return changes;
    }
}
