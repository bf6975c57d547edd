package dev.autumncatalog.dsl;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The documented way to write a definition compiles and builds the same catalog as {@link Autumn#catalog}. */
class CatalogDefinitionTest {
    static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
    static final Product PRO = product("pro")
            .name("Pro")
            .item(featureItem(API_CALLS).included(10_000).monthly());

    /** As in the Javadoc of {@link CatalogDefinition}: {@code catalog(...)} inside {@code catalog()}. */
    static final class Pricing implements CatalogDefinition {
        @Override
        public Catalog catalog() {
            return catalog(PRO);
        }
    }

    @Test
    void catalogInsideTheDefinition_isAutumnCatalog() {
        assertThat(new Pricing().catalog()).isEqualTo(catalog(PRO)).isEqualTo(Catalog.of(PRO));
    }

    @Test
    void definition_isStillAFunctionalInterface() {
        CatalogDefinition definition = () -> catalog(PRO);

        assertThat(definition.catalog().products()).containsExactly(PRO);
    }
}
