package dev.autumncatalog.engine.autumn;

import dev.autumncatalog.dsl.Product;
import java.util.List;
import java.util.Objects;

/**
 * The latest version of a plan as Autumn holds it.
 *
 * @param id the plan id
 * @param model the plan in the catalog model (Autumn's plans are the DSL's products), normalised so that a pushed
 *     product compares equal to the local one; {@code null} when the DSL cannot express it
 * @param archived whether it is archived
 * @param version the latest version number, 1-based
 * @param unsupported what the DSL cannot express, one readable line each (variants, metadata, billing controls); empty
 *     when none
 */
public record RemotePlan(String id, Product model, boolean archived, int version, List<String> unsupported) {
    /** Copies the list. */
    public RemotePlan {
        Objects.requireNonNull(id, "id");
        unsupported = List.copyOf(unsupported);
    }
}
