package dev.autumncatalog.engine.pull;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.cost;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogPart;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.MeteredFeature;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemoteFeature;
import dev.autumncatalog.engine.autumn.RemotePlan;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogSourceWriterTest {
    private static final PullOptions OPTIONS = PullOptions.of("com.example.pricing");

    private static final Feature API_CALLS =
            feature("api_calls").name("API Calls").singleUse();
    private static final Feature SSO = feature("sso").name("SSO").booleanFlag();
    private static final Feature OLD = feature("old_calls").name("Old calls").singleUse();

    @TempDir
    Path work;

    @Test
    void write_richCatalog_matchesGoldenFileAndDefinesTheSameCatalog() {
        assertThat(RichCatalog.CATALOG.validate()).isEmpty();

        PulledSource source = CatalogSourceWriter.write(RichCatalog.CATALOG, OPTIONS);

        assertThat(source.notes()).isEmpty();
        Golden.assertMatches("rich/PulledCatalog.java", source.files().get(0).toString());
        assertThat(PulledSourceCompiler.define(source, work)).isEqualTo(RichCatalog.CATALOG);
    }

    @Test
    void write_remoteWithWhatTheDslCannotSay_matchesGoldenFile() {
        Feature seats = feature("seats").name("Seats").continuousUse();
        Feature legacyFlag = feature("legacy_flag").name("Legacy flag").booleanFlag();
        Product pro = product("pro")
                .name("Pro")
                .group("main")
                .item(priceItem(20).monthly())
                .item(featureItem(API_CALLS).included(10_000).monthly())
                .item(featureItem(OLD).included(500).monthly().perEntity(seats));
        Product legacy = product("legacy").name("Legacy").item(featureItem(legacyFlag));
        RemoteCatalog remote = new RemoteCatalog(
                List.of(
                        new RemoteFeature("api_calls", API_CALLS, false, List.of("event names: api_call, request")),
                        new RemoteFeature(
                                "ai_credits", null, false, List.of("AI credit system (model markups: gpt-4o 1.5x)")),
                        new RemoteFeature("seats", seats, false, List.of()),
                        new RemoteFeature("old_calls", OLD, true, List.of()),
                        new RemoteFeature("legacy_flag", legacyFlag, true, List.of())),
                List.of(
                        new RemotePlan("pro", pro, false, 3, List.of("billing controls: spend limit $100")),
                        new RemotePlan("enterprise", null, false, 1, List.of("variants: annual, monthly")),
                        new RemotePlan("legacy", legacy, true, 2, List.of())));

        PulledSource source = CatalogSourceWriter.write(remote, OPTIONS);

        assertThat(source.notes())
                .containsExactly(
                        "feature 'api_calls': not pulled, the DSL cannot express it: event names: api_call, request",
                        "feature 'ai_credits': not pulled: AI credit system (model markups: gpt-4o 1.5x)",
                        "product 'pro': not pulled, the DSL cannot express it: billing controls: spend limit $100",
                        "product 'enterprise': not pulled: variants: annual, monthly",
                        "feature 'old_calls': archived on Autumn, pulled because product 'pro' uses it");
        Golden.assertMatches("remote/PulledCatalog.java", text(source));
        assertThat(PulledSourceCompiler.define(source, work)).isEqualTo(catalog(API_CALLS, seats, OLD, pro));
    }

    @Test
    void write_emptyCatalog_compilesToAnEmptyCatalog() {
        PulledSource source = CatalogSourceWriter.write(new RemoteCatalog(List.of(), List.of()), OPTIONS);

        assertThat(text(source))
                .contains("The Autumn catalog as pulled: 0 features and 0 products")
                .contains("return catalog();");
        assertThat(PulledSourceCompiler.define(source, work)).isEqualTo(catalog());
    }

    @Test
    void write_optionsNameThePackageAndClass() {
        PulledSource source = CatalogSourceWriter.write(
                catalog(SSO), PullOptions.of("org.acme").className("Pricing"));

        assertThat(source.files().get(0).packageName()).isEqualTo("org.acme");
        assertThat(text(source)).contains("public final class Pricing implements CatalogDefinition {");
    }

    @Test
    void write_catalogTooLargeForOneClassInitialiser_initialisesEachConstantInItsOwnMethod() {
        List<CatalogPart> parts = new ArrayList<>();
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            features.add(feature("f" + i).name("F" + i).singleUse());
        }
        parts.addAll(features);
        for (int p = 0; p < 700; p++) {
            Product product = product("p" + p).name("P" + p).item(priceItem(10).monthly());
            for (int k = 0; k < 5; k++) {
                product = product.item(
                        featureItem(features.get((p + k) % 20)).included(1).monthly());
            }
            parts.add(product);
        }
        Catalog large = catalog(parts.toArray(new CatalogPart[0]));

        PulledSource source = CatalogSourceWriter.write(large, OPTIONS);

        assertThat(text(source))
                .contains("    public static final Product P0 = init_p0();\n")
                .contains("""
                            private static Product init_p0() {
                                return product("p0")
                                        .name("P0")
                        """);
        assertThat(PulledSourceCompiler.define(source, work)).isEqualTo(large);
    }

    // Names

    @Test
    void write_collidingDigitLeadingAndKeywordIds_namedPredictably() {
        List<Feature> features = new ArrayList<>();
        for (String id : List.of("a_b", "a-b", "aB", "3d", "class", "null", "_", "sso")) {
            features.add(feature(id).name("Feature " + id).booleanFlag());
        }
        List<Product> products = new ArrayList<>();
        for (String id : List.of("sso", "a-b", "--", "pro", "PRO")) {
            products.add(product(id).name("Product " + id).item(featureItem(features.get(0))));
        }
        Catalog original = new Catalog(features, products);

        PulledSource source = CatalogSourceWriter.write(original, OPTIONS);
        Collections.reverse(features);
        Collections.reverse(products);
        PulledSource reversed = CatalogSourceWriter.write(new Catalog(features, products), OPTIONS);

        assertThat(text(source))
                .contains("Feature A_B = feature(\"a-b\")")
                .contains("Feature A_B_2 = feature(\"aB\")")
                .contains("Feature A_B_3 = feature(\"a_b\")")
                .contains("Feature _3D = feature(\"3d\")")
                .contains("Feature CLASS = feature(\"class\")")
                .contains("Feature NULL = feature(\"null\")")
                .contains("Feature FEATURE = feature(\"_\")")
                .contains("Feature SSO = feature(\"sso\")")
                .contains("Product SSO_PRODUCT = product(\"sso\")")
                .contains("Product A_B_PRODUCT = product(\"a-b\")")
                .contains("Product PRODUCT = product(\"--\")")
                .contains("Product PRO_2 = product(\"pro\")")
                .contains("Product PRO = product(\"PRO\")");
        for (String declaration : List.of("A_B_3 = feature(\"a_b\")", "PRO = product(\"PRO\")", "FEATURE = feature")) {
            assertThat(text(reversed))
                    .as("same names whatever the order Autumn lists in")
                    .contains(declaration);
        }
        assertThat(PulledSourceCompiler.define(source, work)).isEqualTo(original);
    }

    // What the DSL cannot express

    @Test
    void write_unexpressibleEntities_listedInTheClassCommentAndTheNotes() {
        RemoteCatalog remote = new RemoteCatalog(
                List.of(
                        new RemoteFeature(
                                "ai_credits", null, false, List.of("an AI credit system (model markups: gpt-4o 1.2x)")),
                        new RemoteFeature("gone", null, true, List.of()),
                        new RemoteFeature("api_calls", API_CALLS, false, List.of("event names: api_call, request"))),
                List.of(
                        new RemotePlan("enterprise", null, false, 3, List.of("variants: annual", "metadata: {a=1}")),
                        new RemotePlan(
                                "pro",
                                product("pro")
                                        .name("Pro")
                                        .item(featureItem(API_CALLS)
                                                .included(10)
                                                .monthly()),
                                false,
                                2,
                                List.of("billing controls: spend limit 100"))));

        PulledSource source = CatalogSourceWriter.write(remote, OPTIONS);

        assertThat(source.notes())
                .containsExactly(
                        "feature 'ai_credits': not pulled: an AI credit system (model markups: gpt-4o 1.2x)",
                        "feature 'gone' (archived): not pulled: the DSL cannot express it",
                        "feature 'api_calls': not pulled, the DSL cannot express it: event names: api_call, request",
                        "product 'enterprise': not pulled: variants: annual; metadata: {a=1}",
                        "product 'pro': not pulled, the DSL cannot express it: billing controls: spend limit 100");
        assertThat(text(source)).contains("""
                        /**
                         * The Autumn catalog as pulled: 1 feature and 1 product (Autumn calls them plans).
                         *
                         * <p>Not pulled:
                         *
                         * <ul>
                         *   <li>feature {@code ai_credits}: an AI credit system (model markups: gpt-4o 1.2x)
                         *   <li>feature {@code gone} (archived): the DSL cannot express it
                         *   <li>product {@code enterprise}: variants: annual; metadata: &#123;a=1&#125;
                         * </ul>
                         */
                        """).contains("""
                            /**
                             * Not pulled, the DSL cannot express it: event names: api_call, request
                             */
                            public static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
                        """).contains("""
                            /**
                             * Not pulled, the DSL cannot express it: billing controls: spend limit 100
                             */
                            public static final Product PRO = product("pro")
                        """);
        PulledSourceCompiler.define(source, work);
    }

    @Test
    void write_remoteTextThatCouldBreakTheSource_escaped() {
        String nasty = "ends */ a comment, @deprecated, {@code x}, <b>html</b> & \\u000a newline\nsecond line\u0007";
        RemoteCatalog remote = new RemoteCatalog(
                List.of(
                        new RemoteFeature("x", null, false, List.of(nasty)),
                        new RemoteFeature(
                                "quoted",
                                feature("quoted")
                                        .name("\"Quoted\" \\u0022 $1 \n ≥ é")
                                        .singleUse(),
                                false,
                                List.of(nasty))),
                List.of());

        PulledSource source = CatalogSourceWriter.write(remote, OPTIONS);

        assertThat(text(source))
                .contains(
                        "ends *&#47; a comment, &#64;deprecated, &#123;&#64;code x&#125;, &lt;b&gt;html&lt;/b&gt; &amp; &#92;u000a")
                .contains("feature(\"quoted\").name(\"\\\"Quoted\\\" \\\\u0022 $1 \\n ≥ é\")");
        Catalog pulled = PulledSourceCompiler.define(source, work);
        assertThat(pulled.features()).containsExactly(remote.features().get(1).model());
    }

    // Archived

    @Test
    void write_archivedEntities_leftOutByDefaultAndListed() {
        RemoteCatalog remote = archivedCatalog();

        PulledSource source = CatalogSourceWriter.write(remote, OPTIONS);

        assertThat(text(source))
                .doesNotContain("OLD_CALLS")
                .doesNotContain("LEGACY")
                .contains(" * <p>Archived on Autumn and left out: feature {@code old_calls}; product {@code legacy}.");
        assertThat(source.notes()).isEmpty();
        assertThat(PulledSourceCompiler.define(source, work))
                .isEqualTo(catalog(API_CALLS, remote.plans().get(0).model()));
    }

    @Test
    void write_archivedEntities_includedOnRequestWithAComment() {
        RemoteCatalog remote = archivedCatalog();

        PulledSource source = CatalogSourceWriter.write(remote, OPTIONS.includeArchived(true));

        assertThat(text(source))
                .contains(
                        " * The Autumn catalog as pulled: 2 features and 2 products (Autumn calls them plans), archived"
                                + " ones included.")
                .contains("""
                            /**
                             * Archived on Autumn.
                             */
                            public static final Feature OLD_CALLS = feature("old_calls").name("Old calls").singleUse();
                        """)
                .contains("""
                            /**
                             * Archived on Autumn.
                             */
                            public static final Product LEGACY = product("legacy")
                        """)
                .doesNotContain("left out");
        assertThat(PulledSourceCompiler.define(source, work))
                .isEqualTo(catalog(
                        API_CALLS,
                        OLD,
                        remote.plans().get(0).model(),
                        remote.plans().get(1).model()));
    }

    @Test
    void write_archivedFeatureAPulledProductUses_pulledWithACommentAndANote() {
        Product pro =
                product("pro").name("Pro").item(featureItem(OLD).included(5).monthly());
        RemoteCatalog remote = new RemoteCatalog(
                List.of(new RemoteFeature("old_calls", OLD, true, List.of())),
                List.of(new RemotePlan("pro", pro, false, 1, List.of())));

        PulledSource source = CatalogSourceWriter.write(remote, OPTIONS);

        assertThat(source.notes())
                .containsExactly("feature 'old_calls': archived on Autumn, pulled because product 'pro' uses it");
        assertThat(text(source)).contains("""
                            /**
                             * Archived on Autumn; pulled because product 'pro' uses it.
                             */
                            public static final Feature OLD_CALLS = feature("old_calls").name("Old calls").singleUse();
                        """).doesNotContain("left out");
        assertThat(PulledSourceCompiler.define(source, work)).isEqualTo(catalog(OLD, pro));
    }

    // Features the feature list does not explain

    @Test
    void write_featureMissingFromTheFeatureList_declaredAsTheProductHoldsIt() {
        Feature credits = feature("credits").name("Credits").creditSystem(cost(API_CALLS, 2));
        Product pro =
                product("pro").name("Pro").item(featureItem(credits).included(5).monthly());
        RemoteCatalog remote = new RemoteCatalog(List.of(), List.of(new RemotePlan("pro", pro, false, 1, List.of())));

        PulledSource source = CatalogSourceWriter.write(remote, OPTIONS);

        assertThat(source.notes())
                .containsExactly(
                        "feature 'credits': not in Autumn's feature list, written as product 'pro' holds it",
                        "feature 'api_calls': not in Autumn's feature list, written as credit system 'credits' holds"
                                + " it");
        assertThat(text(source).indexOf("Feature API_CALLS"))
                .as("credit systems after what they draw from")
                .isLessThan(text(source).indexOf("Feature CREDITS"));
        assertThat(PulledSourceCompiler.define(source, work)).isEqualTo(catalog(API_CALLS, credits, pro));
    }

    @Test
    void write_featureUsedInAnotherFormThanDeclared_writtenInlineWithANote() {
        Feature oldForm = new MeteredFeature("api_calls", "API calls (old name)", true);
        Product pro =
                product("pro").name("Pro").item(featureItem(oldForm).included(5).monthly());
        RemoteCatalog remote = new RemoteCatalog(
                List.of(new RemoteFeature("api_calls", API_CALLS, false, List.of())),
                List.of(new RemotePlan("pro", pro, false, 1, List.of())));

        PulledSource source = CatalogSourceWriter.write(remote, OPTIONS);

        // validate refuses the two forms, as it would have before: now the item says so, and so does the log
        String refused = "feature 'api_calls' differs from the catalog's declaration: single-use 'API calls (old name)'"
                + " here, single-use 'API Calls' in the catalog; reference the declared feature";
        assertThat(source.notes())
                .containsExactly(
                        "features[api_calls]: feature id 'api_calls' is declared 2 times, as single-use 'API Calls' and"
                                + " single-use 'API calls (old name)'; keep one declaration per id (Autumn holds this);"
                                + " written as Autumn holds it and marked in the file, so validate reports it",
                        "products[pro].items[0]: " + refused + " (Autumn holds this); written as Autumn holds it and"
                                + " marked in the file, so validate reports it",
                        "product 'pro' uses feature 'api_calls' in another form than the feature declares;"
                                + " written inline as it is used");
        assertThat(text(source))
                .contains(".item(featureItem(feature(\"api_calls\").name(\"API calls (old name)\").singleUse())"
                        + ".included(5).monthly()) /* autumn:pull: " + refused
                        + " \u2014 Autumn holds this; fix it here or in Autumn */;");
        Catalog pulled = PulledSourceCompiler.define(source, work);
        PullMarkers.assertValidateReportsExactlyTheMarkers(text(source), pulled, "two forms");
        assertThat(pulled.features()).as("as inconsistent as on Autumn").containsExactly(API_CALLS, oldForm);
        assertThat(pulled.products()).containsExactly(pro);
    }

    @Test
    void write_duplicateIds_firstPulledAndTheRestNoted() {
        RemoteCatalog remote = new RemoteCatalog(
                List.of(
                        new RemoteFeature("sso", SSO, false, List.of()),
                        new RemoteFeature("sso", feature("sso").name("Other").booleanFlag(), false, List.of())),
                List.of(
                        new RemotePlan("free", product("free").name("Free"), false, 1, List.of()),
                        new RemotePlan("free", product("free").name("Free 2"), false, 2, List.of())));

        PulledSource source = CatalogSourceWriter.write(remote, OPTIONS);

        assertThat(source.notes())
                .containsExactly(
                        "feature 'sso': not pulled: listed twice; the first is pulled",
                        "product 'free': not pulled: listed twice; the first is pulled");
        assertThat(PulledSourceCompiler.define(source, work))
                .isEqualTo(catalog(SSO, product("free").name("Free")));
    }

    // Literals

    @Test
    void number_groupsFromTenThousandAndMarksLongs() {
        assertThat(SourceExpressions.number(0).flat()).isEqualTo("0");
        assertThat(SourceExpressions.number(9_999).flat()).isEqualTo("9999");
        assertThat(SourceExpressions.number(10_000).flat()).isEqualTo("10_000");
        assertThat(SourceExpressions.number(1_234_567).flat()).isEqualTo("1_234_567");
        assertThat(SourceExpressions.number(Integer.MAX_VALUE).flat()).isEqualTo("2_147_483_647");
        assertThat(SourceExpressions.number(Integer.MAX_VALUE + 1L).flat()).isEqualTo("2_147_483_648L");
        assertThat(SourceExpressions.number(Long.MAX_VALUE).flat()).isEqualTo("9_223_372_036_854_775_807L");
    }

    @Test
    void amount_wholeAsNumberElseExactString() {
        assertThat(SourceExpressions.amount(new BigDecimal("20.00")).flat()).isEqualTo("20");
        assertThat(SourceExpressions.amount(new BigDecimal("25000")).flat()).isEqualTo("25_000");
        assertThat(SourceExpressions.amount(new BigDecimal("9.90")).flat()).isEqualTo("\"9.9\"");
        assertThat(SourceExpressions.amount(new BigDecimal("0.0001")).flat()).isEqualTo("\"0.0001\"");
        assertThat(SourceExpressions.amount(new BigDecimal("1E+30")).flat())
                .isEqualTo("\"1000000000000000000000000000000\"");
    }

    @Test
    void options_rejectIllegalNames() {
        assertThatThrownBy(() -> PullOptions.of("com.example.new"))
                .hasMessage("'com.example.new' is not a valid Java package name: 'new' is a Java keyword");
        assertThatThrownBy(() -> OPTIONS.className("Pulled-Catalog"))
                .hasMessage("class name must be a legal Java class name such as 'PulledCatalog', was 'Pulled-Catalog'");
    }

    private static RemoteCatalog archivedCatalog() {
        return new RemoteCatalog(
                List.of(
                        new RemoteFeature("api_calls", API_CALLS, false, List.of()),
                        new RemoteFeature("old_calls", OLD, true, List.of())),
                List.of(
                        new RemotePlan(
                                "pro",
                                product("pro")
                                        .name("Pro")
                                        .item(priceItem(5).monthly())
                                        .item(featureItem(API_CALLS)
                                                .included(10)
                                                .monthly()),
                                false,
                                1,
                                List.of()),
                        new RemotePlan(
                                "legacy",
                                product("legacy")
                                        .name("Legacy")
                                        .item(featureItem(OLD).included(1).monthly()),
                                true,
                                4,
                                List.of())));
    }

    private static String text(PulledSource source) {
        return source.files().get(0).toString();
    }
}
