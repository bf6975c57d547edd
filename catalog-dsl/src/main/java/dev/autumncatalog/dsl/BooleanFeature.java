package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import java.util.Objects;

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
    /** Requires an id and a name; their values are checked by {@link Catalog#validate()}. */
    public BooleanFeature {
        Objects.requireNonNull(id, "feature id");
        Checks.requireName("feature", id, name);
    }

    @Override
    public FeatureType type() {
        return FeatureType.BOOLEAN;
    }
}
