package dev.autumncatalog.engine;

import dev.autumncatalog.engine.push.Interaction;
import dev.autumncatalog.engine.push.PushOptions;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to push: the plan request, how many changes go to Autumn at once, and who answers the questions the decisions
 * leave open (and confirms a push to live Autumn).
 *
 * <pre>{@code
 * PushRequest request = PushRequest.of(planRequest).parallelism(4).interaction(question -> console.yes(question));
 * }</pre>
 *
 * @param plan what to plan first
 * @param parallelism the most changes of one level in flight at once, 1 to 16
 * @param interaction asks yes/no questions; {@link Interaction#BATCH} never asks
 * @param savedPlan a plan saved by an earlier plan operation to apply exactly as reviewed, or {@code null} to apply
 *     whatever the plan made now says
 */
public record PushRequest(PlanRequest plan, int parallelism, Interaction interaction, Path savedPlan) {
    /** Checks the parallelism. */
    public PushRequest {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(interaction, "interaction");
        if (parallelism < 1 || parallelism > 16) {
            throw new IllegalArgumentException("push parallelism must be 1 to 16, was " + parallelism);
        }
    }

    /** A push of whatever the plan made now says. */
    public PushRequest(PlanRequest plan, int parallelism, Interaction interaction) {
        this(plan, parallelism, interaction, null);
    }

    /** {@code plan}, {@link PushOptions#DEFAULT_PARALLELISM} at once, never asking. */
    public static PushRequest of(PlanRequest plan) {
        return new PushRequest(plan, PushOptions.DEFAULT_PARALLELISM, Interaction.BATCH, null);
    }

    /** The same request with another parallelism. */
    public PushRequest parallelism(int value) {
        return new PushRequest(plan, value, interaction, savedPlan);
    }

    /**
     * The same request applying the plan saved in {@code file} exactly as it was reviewed: with its decisions, and
     * refused ({@link StalePlanException}) when the plan made now differs from it or was made from another catalog,
     * Autumn catalog or customers facts.
     */
    public PushRequest savedPlan(Path file) {
        return new PushRequest(plan, parallelism, interaction, file);
    }

    /** The same request asking {@code value}. */
    public PushRequest interaction(Interaction value) {
        return new PushRequest(plan, parallelism, value, savedPlan);
    }
}
