package dev.autumncatalog.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autumncatalog.engine.plan.Change;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.push.PushResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one plan, check or push ended, as JSON for CI ({@code target/autumn/summary.json}): the {@link Outcome}, the
 * message, how long it took, the plan's counts and, for a push, what was applied, what failed and what was not
 * started. Written whatever the ending, a deadline or a push stopped part-way included, so the record of finished work
 * survives the failure.
 *
 * <pre>{@code
 * RunSummary.of("push", Outcome.PUSH_FAILED).message(e.getMessage()).result(e.result()).write(file);
 * }</pre>
 */
public final class RunSummary {
    /** The version of this JSON format. */
    public static final int FORMAT = 1;

    private static final JsonMapper MAPPER = new JsonMapper();

    private final String operation;
    private final Outcome outcome;
    private String target;
    private String message;
    private Duration elapsed;
    private Plan plan;
    private PushResult result;

    private RunSummary(String operation, Outcome outcome) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    /** A summary of {@code operation} ({@code push}) ending with {@code outcome}. */
    public static RunSummary of(String operation, Outcome outcome) {
        return new RunSummary(operation, outcome);
    }

    /** Which Autumn it talked to, as the plan's first line says; {@code null} when it did not get that far. */
    public RunSummary target(String value) {
        this.target = value;
        return this;
    }

    /** The failure message, or {@code null} for a success. */
    public RunSummary message(String value) {
        this.message = value;
        return this;
    }

    /** How long the operation took. */
    public RunSummary elapsed(Duration value) {
        this.elapsed = value;
        return this;
    }

    /** The plan it made, or {@code null} when it did not get that far. */
    public RunSummary plan(Plan value) {
        this.plan = value;
        return this;
    }

    /** What a push did, or {@code null} when nothing was sent. */
    public RunSummary result(PushResult value) {
        this.result = value;
        return this;
    }

    /** The summary as JSON text, ending with a newline. */
    public String render() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("operation", operation);
        root.put("outcome", outcome.word());
        root.put("success", outcome.success());
        root.put("target", target);
        root.put("message", message);
        if (elapsed != null) {
            root.put("elapsedMillis", elapsed.toMillis());
        }
        if (plan != null) {
            ObjectNode planned = root.putObject("plan");
            planned.put("changes", plan.changes().size());
            planned.set("summary", PlanJson.tree(plan).get("summary"));
        }
        if (result != null) {
            ObjectNode push = root.putObject("push");
            changes(push.putArray("applied"), result.applied());
            ArrayNode failed = push.putArray("failed");
            for (PushResult.Failure failure : result.failures()) {
                ObjectNode node = change(failed.addObject(), failure.change());
                node.put("status", failure.status());
                node.put("code", failure.code());
                node.put("error", failure.toString());
            }
            changes(push.putArray("notStarted"), result.notApplied());
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary tree always serialises", e);
        }
    }

    /**
     * Writes the summary to {@code file} in UTF-8, creating its directory.
     *
     * @throws UncheckedIOException naming the file when it cannot be written
     */
    public void write(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the summary to " + file + ": " + e.getMessage(), e);
        }
    }

    private static void changes(ArrayNode array, List<Change> changes) {
        for (Change change : changes) {
            change(array.addObject(), change);
        }
    }

    private static ObjectNode change(ObjectNode node, Change change) {
        node.put("action", change.action().word());
        node.put("entity", change.entity().word());
        node.put("id", change.id());
        return node;
    }
}
