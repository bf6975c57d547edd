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
 * @param unsupported what the DSL cannot express, one readable line each (event names, AI markups); empty when none;
 *     an update would replace or lose it
 * @param kept what the DSL cannot express but every update keeps; a push warns about it and goes on
 */
public record RemoteFeature(String id, Feature model, boolean archived, List<String> unsupported, List<String> kept) {
    /** Copies the list. */
    public RemoteFeature {
        Objects.requireNonNull(id, "id");
        unsupported = List.copyOf(unsupported);
        kept = List.copyOf(kept);
    }

    /** With nothing unexpressed that an update keeps. */
    public RemoteFeature(String id, Feature model, boolean archived, List<String> unsupported) {
        this(id, model, archived, unsupported, List.of());
    }
}
