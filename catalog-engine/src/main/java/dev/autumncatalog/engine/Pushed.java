package dev.autumncatalog.engine;

import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.push.PushResult;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a push did: every change of the plan was applied ({@link PushResult#succeeded()}); a push that stops part-way
 * throws instead.
 *
 * @param plan the plan that was applied, with the decisions made for it
 * @param result the applied changes; empty when Autumn already matched
 * @param target what was pushed to
 * @param sandboxRequests how many requests the local sandbox served, when it was the target
 */
public record Pushed(Plan plan, PushResult result, String target, OptionalInt sandboxRequests) {
    /** All are required. */
    public Pushed {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(sandboxRequests, "sandboxRequests");
    }
}
