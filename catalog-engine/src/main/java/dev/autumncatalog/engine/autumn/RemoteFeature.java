package dev.autumncatalog.engine.autumn;

import dev.autumncatalog.dsl.Feature;
import java.util.List;
import java.util.Objects;

/**
 * A feature as Autumn holds it.
 *
 * @param id the feature id
 * @param model the feature in the catalog model, normalised so that a pushed feature compares equal to the local one;
 *     {@code null} when the DSL cannot express it (an {@code ai_credit_system}, say)
 * @param archived whether it is archived
 * @param unsupported what the DSL cannot express, one readable line each (event names, AI markups); empty when none
 */
public record RemoteFeature(String id, Feature model, boolean archived, List<String> unsupported) {
    /** Copies the list. */
    public RemoteFeature {
        Objects.requireNonNull(id, "id");
        unsupported = List.copyOf(unsupported);
    }
}
