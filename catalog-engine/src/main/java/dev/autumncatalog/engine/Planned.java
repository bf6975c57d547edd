package dev.autumncatalog.engine;

import dev.autumncatalog.engine.plan.Plan;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What planning found: the plan, made with Autumn's answers to the questions it needed.
 *
 * @param plan the plan; render it with {@code PlanRenderer} or {@code PlanJson}
 * @param target what the plan was compared with, as its first line names it
 * @param sandboxRequests how many requests the local sandbox served, when it was the target
 */
public record Planned(Plan plan, String target, OptionalInt sandboxRequests) {
    /** All are required. */
    public Planned {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(sandboxRequests, "sandboxRequests");
    }

    /** {@code true} when Autumn matches the catalog: what a drift check asks. */
    public boolean inSync() {
        return plan.isEmpty();
    }
}
