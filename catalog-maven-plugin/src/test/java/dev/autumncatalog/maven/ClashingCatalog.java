package dev.autumncatalog.maven;

import static dev.autumncatalog.dsl.Autumn.feature;

import dev.autumncatalog.dsl.Autumn;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;

/** Valid for Autumn, but two ids give one Java name. */
public final class ClashingCatalog implements CatalogDefinition {
    @Override
    public Catalog define() {
        return Autumn.catalog(
                feature("api_calls").name("API Calls").singleUse(),
                feature("apiCalls").name("API Calls (old)").singleUse());
    }
}
