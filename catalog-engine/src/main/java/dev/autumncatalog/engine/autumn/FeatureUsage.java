package dev.autumncatalog.engine.autumn;

/**
 * Where a feature is used, from Autumn's deletion info.
 *
 * @param productName the first plan using it, or {@code null}
 * @param planItemCount how many plan items (all versions) use it
 */
public record FeatureUsage(String productName, long planItemCount) {
    /** {@code true} when no plan uses the feature. */
    public boolean unused() {
        return planItemCount == 0;
    }
}
