package dev.autumncatalog.engine.codegen;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.palantir.javapoet.JavaFile;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Product;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConstantsGeneratorTest {
    /** Rewrites the golden files instead of comparing: {@code ./mvnw verify -Dautumn.updateGolden=true}. */
    private static final boolean UPDATE_GOLDEN = Boolean.getBoolean("autumn.updateGolden");

    private static final Path GOLDEN = Path.of("src/test/resources/codegen/golden");
    private static final String PACKAGE = "com.example.billing.autumn";
    private static final String ORIGIN = RichCatalog.class.getName();

    /**
     * The generator the Maven plugin names (its FrontEnd), so the golden files show what its users get; the engine
     * itself has no Maven words (EngineWordsTest).
     */
    static final String GENERATOR = "autumn-maven-plugin (autumn:generate)";

    @TempDir
    Path work;

    private static List<JavaFile> generate(Catalog catalog) {
        return new ConstantsGenerator(PACKAGE, ORIGIN, GENERATOR).generate(catalog);
    }

    private static String source(List<JavaFile> files, String simpleName) {
        return files.stream()
                .filter(f -> f.typeSpec().name().equals(simpleName))
                .findFirst()
                .orElseThrow()
                .toString();
    }

    // Golden files

    @Test
    void generate_richCatalog_matchesGoldenFiles() throws IOException {
        assertGolden("rich", generate(new RichCatalog().define()));
    }

    @Test
    void generate_emptyCatalog_matchesGoldenFiles() throws IOException {
        assertGolden("empty", generate(catalog()));
    }

    private static void assertGolden(String name, List<JavaFile> files) throws IOException {
        Path directory = GOLDEN.resolve(name);
        Map<String, String> actual = new TreeMap<>();
        for (JavaFile file : files) {
            String text = file.toString();
            assertThat(text.chars().filter(c -> c > 127).findFirst())
                    .as("non-ASCII character in %s", file.typeSpec().name())
                    .isEmpty();
            actual.put(file.typeSpec().name() + ".java", text);
        }
        if (UPDATE_GOLDEN) {
            Files.createDirectories(directory);
            try (Stream<Path> old = Files.list(directory)) {
                for (Path path : (Iterable<Path>) old::iterator) {
                    Files.delete(path);
                }
            }
            for (Map.Entry<String, String> entry : actual.entrySet()) {
                Files.writeString(directory.resolve(entry.getKey()), entry.getValue(), StandardCharsets.UTF_8);
            }
        }
        Map<String, String> expected = new TreeMap<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : paths.collect(Collectors.toList())) {
                expected.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        assertThat(actual.keySet()).as("generated files vs %s", directory).isEqualTo(expected.keySet());
        for (String file : expected.keySet()) {
            assertThat(actual.get(file))
                    .as(
                            "%s differs from %s; if the change is intended, run with -Dautumn.updateGolden=true",
                            file, directory)
                    .isEqualTo(expected.get(file));
        }
    }

    // Compiled, with the JDK only

    @Test
    void generate_richCatalog_compilesWithJdkOnlyAndWorks() throws Exception {
        ClassLoader loader = JdkCompiler.compile(generate(new RichCatalog().define()), work);

        Class<?> features = loader.loadClass(PACKAGE + ".Features");
        assertThat(features.getField("API_CALLS").get(null)).isEqualTo("api_calls");
        assertThat(features.getField("AI_TOKENS").get(null)).isEqualTo("ai-tokens");
        assertThat(features.getField("_3D_RENDERS").get(null)).isEqualTo("3d_renders");
        assertThat(features.getField("CLASS").get(null)).isEqualTo("class");
        assertThat(features.getField("STORAGE_GB").get(null)).isEqualTo("storageGB");

        Class<?> featureId = loader.loadClass(PACKAGE + ".FeatureId");
        Method fromId = featureId.getMethod("fromId", String.class);
        Object credits = ((Optional<?>) fromId.invoke(null, "credits")).orElseThrow();
        assertThat(credits.toString()).isEqualTo("CREDITS");
        assertThat(featureId.getMethod("kind").invoke(credits).toString()).isEqualTo("CREDIT_SYSTEM");
        assertThat(featureId.getMethod("displayName").invoke(credits)).isEqualTo("Credits");
        assertThat(fromId.invoke(null, "CREDITS")).isEqualTo(Optional.empty());
        assertThat(featureId.getEnumConstants()).hasSize(9);

        Class<?> productId = loader.loadClass(PACKAGE + ".ProductId");
        Object legacy =
                ((Optional<?>) productId.getMethod("fromId", String.class).invoke(null, "2024-legacy")).orElseThrow();
        assertThat(legacy.toString()).isEqualTo("_2024_LEGACY");
        assertThat(productId.getMethod("id").invoke(legacy)).isEqualTo("2024-legacy");
        Object pack =
                ((Optional<?>) productId.getMethod("fromId", String.class).invoke(null, "api_call_pack")).orElseThrow();
        assertThat(productId.getMethod("displayName").invoke(pack)).isEqualTo(RichCatalog.API_CALL_PACK.name());
        Object storage = ((Optional<?>) fromId.invoke(null, "storageGB")).orElseThrow();
        assertThat(featureId.getMethod("displayName").invoke(storage)).isEqualTo("Storage\t(GB)");
        assertThat(productId.getEnumConstants())
                .extracting(Object::toString)
                .containsExactly(
                        "_2024_LEGACY", "API_CALL_PACK", "CREDIT_TOP_UP", "ENTERPRISE_ANNUAL", "FREE", "PRO", "SCALE");
    }

    @Test
    void generate_emptyCatalog_compiles() {
        JdkCompiler.compile(generate(catalog()), work);
    }

    // Determinism

    @Test
    void generate_twice_givesTheSameBytes() {
        List<JavaFile> first = generate(new RichCatalog().define());
        List<JavaFile> second = generate(new RichCatalog().define());
        assertThat(first).hasSize(ConstantsGenerator.CLASS_NAMES.size());
        for (int i = 0; i < first.size(); i++) {
            assertThat(GeneratedSources.bytes(second.get(i))).isEqualTo(GeneratedSources.bytes(first.get(i)));
        }
        assertThat(first).extracting(f -> f.typeSpec().name()).isEqualTo(ConstantsGenerator.CLASS_NAMES);
    }

    @Test
    void generate_featuresInAnotherOrder_constantsStaySortedById() {
        Feature b = feature("b").name("B").booleanFlag();
        Feature a = feature("a").name("A").booleanFlag();
        String forward = source(generate(catalog(a, b)), "Features");
        String backward = source(generate(catalog(b, a)), "Features");
        assertThat(backward).isEqualTo(forward);
        assertThat(forward.indexOf("String A =")).isLessThan(forward.indexOf("String B ="));
    }

    @Test
    void generate_header_namesTheCatalogClassAndSaysDoNotEdit() {
        String features = source(generate(catalog()), "Features");
        assertThat(features)
                .startsWith("// Generated by autumn-maven-plugin (autumn:generate) from catalog class "
                        + ORIGIN + ".\n"
                        + "// DO NOT EDIT: the next build overwrites this file. Change the catalog class instead.\n"
                        + "package com.example.billing.autumn;\n");
    }

    // Names

    @Test
    void generate_idsWithOneJavaName_failsNamingBothIdsAndTheName() {
        Catalog clash = catalog(
                feature("api_calls").name("API Calls").singleUse(),
                feature("api-calls").name("API calls (old)").singleUse());
        assertThatThrownBy(() -> generate(clash))
                .isInstanceOf(CodegenException.class)
                .hasMessage("Cannot generate Java constants: feature ids 'api-calls' and 'api_calls' both become the"
                        + " Java name API_CALLS; rename one of them (ids are split on '_', '-' and case changes,"
                        + " then upper-cased)")
                .extracting(e -> ((CodegenException) e).ids())
                .isEqualTo(List.of("api-calls", "api_calls"));
    }

    @Test
    void generate_threeProductIdsWithOneJavaName_failsNamingAll() {
        Catalog clash = catalog(
                product("pro-plan").name("A"),
                product("proPlan").name("B"),
                product("pro_plan").name("C"));
        assertThatThrownBy(() -> generate(clash))
                .isInstanceOf(CodegenException.class)
                .hasMessage("Cannot generate Java constants: product ids 'pro-plan', 'proPlan' and 'pro_plan' all"
                        + " become the Java name PRO_PLAN; rename all but one of them (ids are split on '_', '-'"
                        + " and case changes, then upper-cased)");
    }

    @Test
    void generate_featureAndProductWithOneId_areFine() {
        Feature pro = feature("pro").name("Pro feature").booleanFlag();
        List<JavaFile> files = generate(catalog(product("pro").name("Pro").item(featureItem(pro))));
        assertThat(source(files, "Features")).contains("public static final String PRO = \"pro\";");
        assertThat(source(files, "Products")).contains("public static final String PRO = \"pro\";");
    }

    @Test
    void generate_idWithoutLetterOrDigit_fails() {
        assertThatThrownBy(() -> generate(catalog(feature("__").name("Nameless").booleanFlag())))
                .isInstanceOf(CodegenException.class)
                .hasMessage("Cannot generate Java constants: feature id '__' has no letter or digit to make a Java"
                        + " name from; rename it");
    }

    @Test
    void generate_idStartingWithDigit_getsUnderscorePrefix() {
        List<JavaFile> files = generate(catalog(feature("3d-renders").name("3D").singleUse()));
        assertThat(source(files, "Features")).contains("public static final String _3D_RENDERS = \"3d-renders\";");
        assertThat(source(files, "FeatureId"))
                .contains("_3D_RENDERS(Features._3D_RENDERS, \"3D\", FeatureKind.SINGLE_USE)");
    }

    @Test
    void generate_keywordAndLiteralIds_becomeUpperCaseNames() throws Exception {
        List<String> ids = List.of("class", "true", "null", "var", "record", "enum", "values", "by_id");
        Catalog keywords = catalog(
                ids.stream().map(id -> feature(id).name(id).booleanFlag()).toArray(Feature[]::new));
        List<JavaFile> files = generate(keywords);
        assertThat(source(files, "Features"))
                .contains("String CLASS = \"class\";", "String TRUE = \"true\";", "String NULL = \"null\";");
        ClassLoader loader = JdkCompiler.compile(files, work);
        assertThat(loader.loadClass(PACKAGE + ".FeatureId").getEnumConstants())
                .extracting(Object::toString)
                .containsExactly("BY_ID", "CLASS", "ENUM", "NULL", "RECORD", "TRUE", "VALUES", "VAR");
    }

    @Test
    void generate_sameIdTwice_fails() {
        Catalog twice = new Catalog(
                List.of(
                        feature("sso").name("SSO").booleanFlag(),
                        feature("sso").name("Single sign-on").booleanFlag()),
                List.of());
        assertThatThrownBy(() -> generate(twice))
                .isInstanceOf(CodegenException.class)
                .hasMessage("Cannot generate Java constants: feature id 'sso' appears 2 times in the catalog; each id"
                        + " must be unique");
    }

    @Test
    void generate_itemFeatureNotInCatalog_failsWithPath() {
        Feature sso = feature("sso").name("SSO").booleanFlag();
        Product pro = product("pro").name("Pro").item(featureItem(sso));
        assertThatThrownBy(() -> generate(new Catalog(List.of(), List.of(pro))))
                .isInstanceOf(CodegenException.class)
                .hasMessage("Cannot generate Java constants: products[pro].items[0]: feature 'sso' is not in the"
                        + " catalog, so no constant can link to it");
    }

    @Test
    void generate_severalProblems_listsThemAll() {
        Catalog bad = catalog(
                feature("a-b").name("1").booleanFlag(),
                feature("a_b").name("2").booleanFlag(),
                product("-").name("Dash"));
        assertThatThrownBy(() -> generate(bad))
                .isInstanceOf(CodegenException.class)
                .hasMessage("Cannot generate Java constants, 2 problems:\n"
                        + "  feature ids 'a-b' and 'a_b' both become the Java name A_B; rename one of them (ids are"
                        + " split on '_', '-' and case changes, then upper-cased)\n"
                        + "  product id '-' has no letter or digit to make a Java name from; rename it")
                .extracting(e -> ((CodegenException) e).ids())
                .isEqualTo(List.of("a-b", "a_b", "-"));
    }

    @Test
    void generate_moreFeaturesThanAnEnumHolds_fails() {
        Feature[] features = new Feature[ConstantsGenerator.MAX_CONSTANTS + 1];
        for (int i = 0; i < features.length; i++) {
            features[i] = feature("f" + i).name("F").booleanFlag();
        }
        assertThatThrownBy(() -> generate(catalog(features)))
                .isInstanceOf(CodegenException.class)
                .hasMessage("Cannot generate Java constants: the catalog has 2,501 features, but the generated"
                        + " FeatureId enum can hold at most 2,500 (javac limits a class initialiser to 64 KB)");
    }

    @Test
    void constructor_invalidPackage_failsNamingThePart() {
        assertThatThrownBy(() -> new ConstantsGenerator("com.example.class", ORIGIN, GENERATOR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'com.example.class' is not a valid Java package name: 'class' is a Java keyword");
    }
}
