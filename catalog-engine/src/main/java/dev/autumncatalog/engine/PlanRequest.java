package dev.autumncatalog.engine;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to plan: which catalog, against which Autumn, with which decisions, and where to write the JSON plan.
 *
 * <pre>{@code
 * PlanRequest request = PlanRequest.of(CatalogSource.discovered(classpath, classes), Target.localSandbox(state))
 *         .decisions(Decisions.SAFE.allowRemovals(true))
 *         .planFile(Path.of("build/autumn/plan.json"));
 * }</pre>
 *
 * @param catalog where the catalog comes from
 * @param target which Autumn to compare it with
 * @param decisions what the user allows
 * @param planFile where the JSON plan is written, or {@code null} for nowhere
 */
public record PlanRequest(CatalogSource catalog, Target target, Decisions decisions, Path planFile) {
    /** The catalog, target and decisions are required. */
    public PlanRequest {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(decisions, "decisions");
    }

    /** {@code catalog} against {@code target}, {@link Decisions#SAFE}, no plan file. */
    public static PlanRequest of(CatalogSource catalog, Target target) {
        return new PlanRequest(catalog, target, Decisions.SAFE, null);
    }

    /** The same request with other decisions. */
    public PlanRequest decisions(Decisions value) {
        return new PlanRequest(catalog, target, value, planFile);
    }

    /** The same request, writing the JSON plan to {@code file} ({@code null} for nowhere). */
    public PlanRequest planFile(Path file) {
        return new PlanRequest(catalog, target, decisions, file);
    }
}
