package dev.autumncatalog.dsl.internal;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Problem;
import java.util.ArrayList;
import java.util.List;

/** The catalog-wide rules. Every rule adds problems; none stops the others. */
public final class CatalogValidator {
    private CatalogValidator() {}

    /** Every problem of {@code catalog}, in catalog order. */
    public static List<Problem> validate(Catalog catalog) {
        List<Problem> problems = new ArrayList<>();
        return problems;
    }
}
