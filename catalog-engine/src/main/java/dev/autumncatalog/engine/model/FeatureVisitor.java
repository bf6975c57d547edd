package dev.autumncatalog.engine.model;

import dev.autumncatalog.dsl.BooleanFeature;
import dev.autumncatalog.dsl.CreditSystem;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.MeteredFeature;
import java.util.Objects;

/**
 * One method per kind of {@link Feature} record: boolean, metered (single- or continuous-use), credit system.
 *
 * @param <R> what the visit returns
 */
public interface FeatureVisitor<R> {
    /** On/off access. */
    R booleanFeature(BooleanFeature feature);

    /** Single-use or continuous-use. */
    R meteredFeature(MeteredFeature feature);

    /** A balance of credits that other features draw from. */
    R creditSystem(CreditSystem feature);

    /** Calls the method of {@code visitor} for the kind of {@code feature}. */
    static <R> R visit(Feature feature, FeatureVisitor<R> visitor) {
        Objects.requireNonNull(feature, "feature");
        if (feature instanceof BooleanFeature) {
            return visitor.booleanFeature((BooleanFeature) feature);
        }
        if (feature instanceof MeteredFeature) {
            return visitor.meteredFeature((MeteredFeature) feature);
        }
        if (feature instanceof CreditSystem) {
            return visitor.creditSystem((CreditSystem) feature);
        }
        // Feature is sealed, so this is reached only when the DSL gains a kind: DispatchTest fails first.
        throw new IllegalStateException(
                "no visitor method for feature kind " + feature.getClass().getName());
    }
}
