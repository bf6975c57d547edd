package dev.autumncatalog.dsl;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The documented way to write a definition compiles: the static {@code catalog(...)} factory stays usable inside the
 * class, in {@code define()} and in static constants alike (a method named {@code catalog} would hide it).
 */
class CatalogDefinitionTest {
    static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
    static final Product PRO = product("pro")
            .name("Pro")
            .item(featureItem(API_CALLS).included(10_000).monthly());

    /** As in the Javadoc of {@link CatalogDefinition}. */
    static final class Pricing implements CatalogDefinition {
        static final Catalog ALL = catalog(PRO);

        @Override
        public Catalog define() {
            return catalog(PRO);
        }
    }

    @Test
    void catalogInsideTheDefinition_isAutumnCatalog() {
        assertThat(new Pricing().define()).isEqualTo(Pricing.ALL).isEqualTo(Catalog.of(PRO));
    }

    @Test
    void definition_isAFunctionalInterface() {
        CatalogDefinition definition = () -> catalog(PRO);

        assertThat(definition.define().products()).containsExactly(PRO);
    }
}
