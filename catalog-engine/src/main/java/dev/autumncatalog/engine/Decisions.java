package dev.autumncatalog.engine;

import dev.autumncatalog.engine.plan.VersionPolicy;
import java.util.Objects;

/**
 * What the user allows a push to do without asking. {@link #SAFE} allows nothing: no removals, no new versions or
 * in-place edits of plans with customers, no dropping what the DSL cannot express; a push then refuses (or asks, when
 * interactive) until the user decides.
 *
 * <pre>{@code
 * Decisions decisions = Decisions.SAFE.allowRemovals(true).versionPolicy(VersionPolicy.CREATE_VERSION);
 * }</pre>
 *
 * @param allowRemovals whether entities that left the catalog may be archived or deleted
 * @param versionPolicy what to do when an update would version a plan that has customers
 * @param dropUnsupported whether an update may replace remote content the DSL cannot express
 */
public record Decisions(boolean allowRemovals, VersionPolicy versionPolicy, boolean dropUnsupported) {
    /** Nothing allowed: the default. */
    public static final Decisions SAFE = new Decisions(false, VersionPolicy.FAIL, false);

    /** The policy is required. */
    public Decisions {
        Objects.requireNonNull(versionPolicy, "versionPolicy");
    }

    /** The same decisions with removals allowed or not. */
    public Decisions allowRemovals(boolean value) {
        return new Decisions(value, versionPolicy, dropUnsupported);
    }

    /** The same decisions with another version policy. */
    public Decisions versionPolicy(VersionPolicy value) {
        return new Decisions(allowRemovals, value, dropUnsupported);
    }

    /** The same decisions with dropping unsupported content allowed or not. */
    public Decisions dropUnsupported(boolean value) {
        return new Decisions(allowRemovals, versionPolicy, value);
    }
}
