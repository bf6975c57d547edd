package dev.autumncatalog.client;

/**
 * A feature known only by its id, for features the generated handles do not cover. A check sends it as it is; a track
 * first learns the feature types from Autumn ({@code features.list}, once per client) and refuses a boolean or a credit
 * system with {@link WrongFeatureTypeException} instead of a wrong count.
 *
 * <pre>{@code
 * autumn.track(TrackRequest.of(customerId, FeatureId.of("exports"), 1));
 * }</pre>
 *
 * @param id the feature id
 */
public record FeatureId(String id) implements Trackable {

    /** Checks the id: letters, digits, {@code _} and {@code -}, as Autumn requires. */
    public FeatureId {
        FeatureIds.check(id, "FeatureId");
    }

    /** The feature {@code id}, kind unknown. */
    public static FeatureId of(String id) {
        return new FeatureId(id);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.unchecked(this);
    }
}
