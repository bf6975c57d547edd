package dev.autumncatalog.client;

/**
 * A metered feature: usage Autumn counts, consumable (API calls, AI tokens) or continuous (seats). Checked and
 * tracked.
 *
 * <pre>{@code
 * public static final MeteredFeature AI_TOKENS = MeteredFeature.of("ai_tokens");
 * autumn.track(customerId, AI_TOKENS, tokensUsed);
 * }</pre>
 *
 * @param id the feature id
 */
public record MeteredFeature(String id) implements Trackable {

    /** Checks the id: letters, digits, {@code _} and {@code -}, as Autumn requires. */
    public MeteredFeature {
        FeatureIds.check(id, "MeteredFeature");
    }

    /** The handle of metered feature {@code id}. */
    public static MeteredFeature of(String id) {
        return new MeteredFeature(id);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.metered(this);
    }
}
