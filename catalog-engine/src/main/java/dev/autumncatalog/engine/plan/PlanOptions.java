package dev.autumncatalog.engine.plan;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the plan is for and what the user allows. The defaults are the safe ones: nothing is removed, no version is
 * created or edited in place without a decision, and no remote content the DSL cannot express is dropped.
 *
 * <pre>{@code
 * PlanOptions options = PlanOptions.defaults("acme", false)
 *     .withAllowRemovals(true)                          // Setting.ALLOW_REMOVALS
 *     .withVersionPolicy(VersionPolicy.CREATE_VERSION); // Setting.VERSION_POLICY
 * }</pre>
 *
 * @param target what the plan is compared with, for the plan's first line: an organisation, a URL, a server id
 * @param live {@code true} for a live (production) key, {@code false} for a sandbox key
 * @param allowRemovals whether entities that left the catalog may be archived or deleted in Autumn
 * @param versionPolicy what to do when an update would version a plan that has customers
 * @param dropUnsupported whether an update may replace remote content the DSL cannot express
 * @param declaredFeatures features the code still declares as constants but the catalog no longer holds, by id, with
 *     the constant ({@code Pricing.SSO}): never removed from Autumn, and named in a warning
 */
public record PlanOptions(
        String target,
        boolean live,
        boolean allowRemovals,
        VersionPolicy versionPolicy,
        boolean dropUnsupported,
        Map<String, String> declaredFeatures) {

    /** Both are required. */
    public PlanOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(versionPolicy, "versionPolicy");
        declaredFeatures = Collections.unmodifiableMap(new TreeMap<>(declaredFeatures));
    }

    /** Options without declared features. */
    public PlanOptions(
            String target, boolean live, boolean allowRemovals, VersionPolicy versionPolicy, boolean dropUnsupported) {
        this(target, live, allowRemovals, versionPolicy, dropUnsupported, Map.of());
    }

    /** The same options, keeping these declared features ({@code id → constant}). */
    public PlanOptions withDeclaredFeatures(Map<String, String> declared) {
        return new PlanOptions(target, live, allowRemovals, versionPolicy, dropUnsupported, declared);
    }

    /** The safe defaults for {@code target}: no removals, {@link VersionPolicy#FAIL}, no drops. */
    public static PlanOptions defaults(String target, boolean live) {
        return new PlanOptions(target, live, false, VersionPolicy.FAIL, false);
    }

    /** The same options with removals allowed or not. */
    public PlanOptions withAllowRemovals(boolean allow) {
        return new PlanOptions(target, live, allow, versionPolicy, dropUnsupported, declaredFeatures);
    }

    /** The same options with another version policy. */
    public PlanOptions withVersionPolicy(VersionPolicy policy) {
        return new PlanOptions(target, live, allowRemovals, policy, dropUnsupported, declaredFeatures);
    }

    /** The same options with dropping unsupported content allowed or not. */
    public PlanOptions withDropUnsupported(boolean drop) {
        return new PlanOptions(target, live, allowRemovals, versionPolicy, drop, declaredFeatures);
    }

    /** {@code live} or {@code sandbox}. */
    public String environment() {
        return live ? "live" : "sandbox";
    }
}
