package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import java.util.Objects;

/**
 * A metered feature: single-use (consumed, such as API calls or AI tokens) or continuous-use (allocated, such as seats
 * or storage).
 *
 * <pre>{@code
 * Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
 * Feature SEATS = feature("seats").name("Seats").continuousUse();
 * }</pre>
 *
 * @param id the feature id; letters, digits, {@code _} and {@code -}
 * @param name the display name
 * @param consumable {@code true} for single-use, {@code false} for continuous-use
 */
public record MeteredFeature(String id, String name, boolean consumable) implements Feature {
    /** Requires an id and a name; their values are checked by {@link Catalog#validate()}. */
    public MeteredFeature {
        Objects.requireNonNull(id, "feature id");
        Checks.requireName("feature", id, name);
    }

    @Override
    public FeatureType type() {
        return consumable ? FeatureType.SINGLE_USE : FeatureType.CONTINUOUS_USE;
    }
}
