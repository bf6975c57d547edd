package dev.autumncatalog.dsl;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.cost;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Catalog#of}, lookups, {@link Catalog#requireValid()}. */
class CatalogTest {
    static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
    static final Feature AI_TOKENS = feature("ai_tokens").name("AI Tokens").singleUse();
    static final Feature SEATS = feature("seats").name("Seats").continuousUse();
    static final Feature SSO = feature("sso").name("Single sign-on").booleanFlag();
    static final Feature CREDITS =
            feature("credits").name("Credits").creditSystem(cost(API_CALLS, 1), cost(AI_TOKENS, "0.01"));

    static final Product FREE = product("free")
            .name("Free")
            .defaultProduct()
            .item(featureItem(API_CALLS).included(100).monthly());
    static final Product PRO = product("pro")
            .name("Pro")
            .item(priceItem(20).monthly())
            .item(featureItem(SSO))
            .item(featureItem(CREDITS).included(1_000).monthly().perEntity(SEATS))
            .item(pricedFeatureItem(SEATS).price(10).prepaid().monthly());

    @Test
    void of_collectsEveryReferencedFeature_schemaFeaturesBeforeTheirCreditSystem() {
        Catalog catalog = catalog(FREE, PRO);

        assertThat(catalog.features()).containsExactly(API_CALLS, SSO, AI_TOKENS, CREDITS, SEATS);
        assertThat(catalog.products()).containsExactly(FREE, PRO);
    }

    @Test
    void of_keepsUnreferencedFeaturesGivenDirectly() {
        Feature unused = feature("unused").name("Unused").booleanFlag();

        assertThat(catalog(unused, FREE).features()).containsExactly(unused, API_CALLS);
    }

    @Test
    void of_dedupesEqualParts() {
        Catalog catalog = catalog(
                API_CALLS,
                FREE,
                FREE,
                product("free")
                        .name("Free")
                        .defaultProduct()
                        .item(featureItem(API_CALLS).included(100).monthly()),
                API_CALLS,
                catalog(FREE));

        assertThat(catalog.features()).containsExactly(API_CALLS);
        assertThat(catalog.products()).containsExactly(FREE);
        assertThat(catalog.validate()).isEmpty();
    }

    @Test
    void of_keepsConflictingPartsForTheValidator() {
        Feature otherApiCalls = feature("api_calls").name("Calls").continuousUse();
        Product otherFree = FREE.name("Free forever");

        Catalog catalog = catalog(FREE, otherFree, otherApiCalls);

        assertThat(catalog.features()).containsExactly(API_CALLS, otherApiCalls);
        assertThat(catalog.products()).containsExactly(FREE, otherFree);
        assertThat(catalog.validate())
                .extracting(Problem::path)
                .containsExactly("features[api_calls]", "products[free]", "products[free]");
    }

    @Test
    void of_combinesCatalogs() {
        Catalog plans = catalog(FREE);
        Catalog addOns = catalog(PRO);

        assertThat(catalog(plans, addOns)).isEqualTo(catalog(FREE, PRO));
        assertThat(plans.with(PRO)).isEqualTo(catalog(FREE, PRO));
    }

    @Test
    void newCatalog_doesNotPullInFeatures() {
        Catalog catalog = new Catalog(List.of(), List.of(FREE));

        assertThat(catalog.features()).isEmpty();
        assertThat(catalog.validate())
                .containsExactly(new Problem(
                        "products[free].items[0]", "feature 'api_calls' is not in the catalog; catalog features: []"));
    }

    @Test
    void lists_areImmutableCopies() {
        Catalog catalog = catalog(FREE);

        assertThatThrownBy(() -> catalog.products().add(PRO)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalog.features().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void lookups() {
        Catalog catalog = catalog(FREE, PRO);

        assertThat(catalog.feature("sso")).contains(SSO);
        assertThat(catalog.feature("nope")).isEmpty();
        assertThat(catalog.product("pro")).contains(PRO);
        assertThat(catalog.product("nope")).isEmpty();
    }

    @Test
    void requireValid_returnsTheCatalogWhenValid() {
        Catalog catalog = catalog(FREE, PRO);

        assertThat(catalog.requireValid()).isSameAs(catalog);
    }

    @Test
    void requireValid_oneProblem() {
        Catalog catalog =
                catalog(product("free").name("Free").item(featureItem(SSO).unlimited()));

        assertThatThrownBy(catalog::requireValid)
                .isInstanceOf(CatalogValidationException.class)
                .hasMessage("Catalog has 1 problem:\n"
                        + "  products[free].items[0]: boolean feature 'sso' cannot be unlimited; remove .unlimited()");
    }

    @Test
    void requireValid_manyProblems_carriesThem() {
        Catalog catalog = catalog(
                product("free").name("Free").item(featureItem(SSO).unlimited()),
                PRO.item(priceItem(5).monthly()));

        CatalogValidationException failure =
                (CatalogValidationException) org.assertj.core.api.Assertions.catchThrowable(catalog::requireValid);

        assertThat(failure.problems())
                .containsExactly(
                        new Problem(
                                "products[free].items[0]",
                                "boolean feature 'sso' cannot be unlimited; remove .unlimited()"),
                        new Problem(
                                "products[pro].items[4]",
                                "a product can have only one price item, and items[0] already is one; remove this"
                                        + " one"));
        assertThat(failure)
                .hasMessage("Catalog has 2 problems:\n"
                        + "  products[free].items[0]: boolean feature 'sso' cannot be unlimited; remove .unlimited()\n"
                        + "  products[pro].items[4]: a product can have only one price item, and items[0] already is"
                        + " one; remove this one");
    }

    @Test
    void valueProblems_reportsBadValuesOnly_notTheRulesBetweenValues() {
        // Two price items in one product and an item of a feature the catalog lacks break rules between values;
        // -5 is a bad value. A part read from elsewhere (Autumn's answer) is checked for the values alone.
        Catalog catalog = new Catalog(
                List.of(),
                List.of(
                        product("neg").name("Neg").item(priceItem(-5).monthly()),
                        product("two")
                                .name("Two")
                                .item(priceItem(5).monthly())
                                .item(priceItem(6).monthly())
                                .item(featureItem(API_CALLS).included(10).monthly())));

        assertThat(catalog.valueProblems())
                .extracting(Problem::path, Problem::message)
                .containsExactly(tuple("products[neg].items[0]", "price amount must be ≥ 0, was -5"));
        assertThat(catalog.validate())
                .extracting(Problem::path)
                .containsExactly("products[neg].items[0]", "products[two].items[1]", "products[two].items[2]");
    }

    @Test
    void problem_rendersPathAndMessage() {
        assertThat(new Problem("products[pro]", "bad")).hasToString("products[pro]: bad");
        assertThatThrownBy(() -> new Problem(null, "bad")).hasMessage("path");
        assertThatThrownBy(() -> new Problem("p", null)).hasMessage("message");
    }
}
