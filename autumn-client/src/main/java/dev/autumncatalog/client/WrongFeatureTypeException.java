package dev.autumncatalog.client;

/**
 * A track by plain id was refused before anything was sent: Autumn's {@code features.list} says the feature is a
 * boolean or a credit system, and tracking it would count nothing or the wrong thing. Use a {@link MeteredFeature}
 * handle, or track the metered feature that spends the credits.
 */
public final class WrongFeatureTypeException extends AutumnException {
    private static final long serialVersionUID = 1L;

    private final String featureId;
    private final String featureType;

    WrongFeatureTypeException(String attempted, String featureId, String featureType, String detail, String hint) {
        super(attempted, null, 0, null, detail, hint, null);
        this.featureId = featureId;
        this.featureType = featureType;
    }

    /** The feature id that was tracked. */
    public String featureId() {
        return featureId;
    }

    /** Its type in Autumn: {@code boolean}, {@code credit_system} or {@code ai_credit_system}. */
    public String featureType() {
        return featureType;
    }
}
