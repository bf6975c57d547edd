package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;

/**
 * An on/off feature such as SSO or priority support.
 *
 * <pre>{@code
 * Feature SSO = feature("sso").name("Single sign-on").booleanFlag();
 * }</pre>
 *
 * @param id the feature id; letters, digits, {@code _} and {@code -}
 * @param name the display name
 */
public record BooleanFeature(String id, String name) implements Feature {
    /** Checks the id and name. */
    public BooleanFeature {
        Checks.id("feature", id);
        Checks.name("feature", id, name);
    }

    @Override
    public FeatureType type() {
        return FeatureType.BOOLEAN;
    }
}
