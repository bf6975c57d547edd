package dev.autumncatalog.dsl;

/** The four kinds of feature of the Autumn guides. */
public enum FeatureType {
    /** On/off access, such as SSO. Has no usage. */
    BOOLEAN,
    /** Metered and consumed: messages, API calls, AI tokens. Usage can reset on an interval. */
    SINGLE_USE,
    /** Metered and allocated, not consumed: seats, storage, projects. Usage never resets. */
    CONTINUOUS_USE,
    /** A pool of credits that single-use features draw from at a cost per unit. */
    CREDIT_SYSTEM;

    /** {@code true} for the two metered kinds, which a credit system can draw from (single-use only). */
    public boolean isMetered() {
        return this == SINGLE_USE || this == CONTINUOUS_USE;
    }

    /** {@code true} when usage is consumed and can therefore reset: single-use features and credit systems. */
    public boolean isConsumable() {
        return this == SINGLE_USE || this == CREDIT_SYSTEM;
    }

    /** The kind in words, for messages and generated text: {@code boolean}, {@code single-use}, {@code credit system}. */
    public String word() {
        switch (this) {
            case BOOLEAN:
                return "boolean";
            case SINGLE_USE:
                return "single-use";
            case CONTINUOUS_USE:
                return "continuous-use";
            default:
                return "credit system";
        }
    }

    /** {@code true} when the feature has a usage balance at all (every kind but boolean). */
    public boolean hasUsage() {
        return this != BOOLEAN;
    }
}
