package dev.autumncatalog.engine.plan;

/**
 * Autumn's answer for a plan update that changes price, items or trial: whether it creates a new version because the
 * current version has customers.
 *
 * @param currentVersion the plan's latest version number
 * @param willVersion {@code true} when the update would create version {@code currentVersion + 1}
 */
public record Versioning(int currentVersion, boolean willVersion) {
    /** The version a versioning update creates. */
    public int nextVersion() {
        return currentVersion + 1;
    }
}
