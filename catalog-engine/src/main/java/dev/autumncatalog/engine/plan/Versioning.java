package dev.autumncatalog.engine.plan;

/**
 * Autumn's answer for a plan update that changes price, items or trial: whether it creates a new version because the
 * current version has customers.
 *
 * @param currentVersion the plan's latest version number
 * @param willVersion {@code true} when the update would create version {@code currentVersion + 1}
 * @param estimated {@code true} when Autumn could not be asked exactly: the new plan uses features this push creates
 *     first, and Autumn refuses to assess a plan with unknown features, so {@code willVersion} is whether any version
 *     has customers (it may say yes when only older versions have them)
 */
public record Versioning(int currentVersion, boolean willVersion, boolean estimated) {
    /** Autumn's exact answer. */
    public Versioning(int currentVersion, boolean willVersion) {
        this(currentVersion, willVersion, false);
    }

    /** The version a versioning update creates. */
    public int nextVersion() {
        return currentVersion + 1;
    }
}
