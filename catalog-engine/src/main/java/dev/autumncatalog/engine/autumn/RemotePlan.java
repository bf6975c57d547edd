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
 *     when none; an update would replace or lose it
 * @param kept what the DSL cannot express but every update keeps, because the update body leaves the field out (a
 *     plan's metadata, config, billing controls, licenses: audit R8b, R9c); a push warns about it and goes on
 */
public record RemotePlan(
        String id, Product model, boolean archived, int version, List<String> unsupported, List<String> kept) {
    /** Copies the list. */
    public RemotePlan {
        Objects.requireNonNull(id, "id");
        unsupported = List.copyOf(unsupported);
        kept = List.copyOf(kept);
    }

    /** With nothing unexpressed that an update keeps. */
    public RemotePlan(String id, Product model, boolean archived, int version, List<String> unsupported) {
        this(id, model, archived, version, unsupported, List.of());
    }
}
