package dev.autumncatalog.engine.load;

import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Problem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.fixtures.LoaderFixtures;
import dev.autumncatalog.engine.text.FrontEnd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogLoaderTest {
    private static final FrontEnd FRONT_END = MAVEN_LIKE;
    private static final String HINT = "<catalogClass> (-Dautumn.catalogClass)";
    private final CatalogLoader loader = new CatalogLoader(List.of(), List.of());

    @Test
    void load_namedClass_returnsItsCatalog() {
        CatalogLoader.Loaded loaded = loader.load(LoaderFixtures.Good.class.getName(), FRONT_END);

        assertThat(loaded.className()).isEqualTo(LoaderFixtures.Good.class.getName());
        assertThat(loaded.catalog().products()).extracting(p -> p.id()).containsExactly("free");
        assertThat(loaded.catalog().features()).extracting(f -> f.id()).containsExactly("api_calls");
    }

    @Test
    void constants_nameThePartOfEachProblem_byIdentity() {
        CatalogLoader.Loaded loaded = loader.load(LoaderFixtures.BadValues.class.getName(), FRONT_END);
        List<Problem> problems = loaded.catalog().validate();

        assertThat(problems)
                .extracting(Problem::path, problem -> String.valueOf(problem.source()))
                .containsExactly(
                        tuple("features[api calls]", "LoaderFixtures.java:" + line("feature(\"api calls\")")),
                        tuple("products[pro].items[0]", "LoaderFixtures.java:" + line("priceItem(-5)")),
                        tuple("products[two].items[1]", "null"),
                        tuple("products[team]", "LoaderFixtures.java:" + line("product(\"team\")")),
                        tuple("products[team].items[0]", "LoaderFixtures.java:" + line("product(\"team\")")),
                        tuple("products[inline]", "LoaderFixtures.java:" + line("product(\"inline\")")));
        // Bare where the constant's class wrote the value, qualified where it did not (or nothing did); an inline
        // product has no constant.
        assertThat(loaded.constants().namesOf(problems))
                .containsExactly("API_CALLS", "PRO", "BadValues.TWO_PRICES", "TEAM", "TEAM", null);
    }

    @Test
    void constants_equalButNotTheSame_areNotNamed() {
        Product equalToPro = product("pro").name("Pro").item(priceItem(-5).monthly());
        CatalogLoader.Loaded loaded = loader.load(LoaderFixtures.BadValues.class.getName(), FRONT_END);

        assertThat(equalToPro).isEqualTo(LoaderFixtures.BadValues.PRO);
        assertThat(new CatalogConstants(LoaderFixtures.BadValues.class, Catalog.of(equalToPro))
                        .namesOf(Catalog.of(equalToPro).validate()))
                .containsExactly((String) null);
        assertThat(loaded.constants().namesOf(List.of(new Problem("products[nowhere]", "?"))))
                .containsExactly((String) null);
    }

    /** The line of the fixtures' source that holds {@code text}. */
    private static int line(String text) {
        try {
            List<String> lines =
                    Files.readAllLines(Path.of("src/test/java/dev/autumncatalog/engine/fixtures/LoaderFixtures.java"));
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(text + " is not in LoaderFixtures.java");
    }

    @Test
    void load_missingClass_saysWhereItLookedAndWhatToCheck() {
        CatalogLoader withPath = new CatalogLoader(List.of(Path.of("target/classes")), List.of());
        assertThatThrownBy(() -> withPath.load("com.example.Pricing", FRONT_END))
                .isInstanceOf(CatalogLoadException.class)
                .hasMessage("Catalog class com.example.Pricing was not found on the project classpath (looked in "
                        + "target/classes). Check the name in <catalogClass> (-Dautumn.catalogClass) and that the "
                        + "module compiles it.");
    }

    @Test
    void load_notACatalog_saysWhatToAdd() {
        assertThatThrownBy(() -> loader.load(LoaderFixtures.NotACatalog.class.getName(), FRONT_END))
                .hasMessage("Class dev.autumncatalog.engine.fixtures.LoaderFixtures$NotACatalog is not a catalog: it "
                        + "must implement dev.autumncatalog.dsl.CatalogDefinition (add 'implements "
                        + "CatalogDefinition' and a define() method).");
    }

    @Test
    void load_staticInitialiserThrows_namesTheCause() {
        assertThatThrownBy(() -> loader.load(LoaderFixtures.BrokenStatic.class.getName(), FRONT_END))
                .hasMessage("The static initialiser of catalog class "
                        + "dev.autumncatalog.engine.fixtures.LoaderFixtures$BrokenStatic threw "
                        + "IllegalArgumentException: feature 'api_calls' needs a non-empty name, was null (look at its"
                        + " static feature and product constants).");
    }

    @Test
    void load_catalogReturnsNull_saysWhatToReturn() {
        assertThatThrownBy(() -> loader.load(LoaderFixtures.ReturnsNull.class.getName(), FRONT_END))
                .hasMessage("dev.autumncatalog.engine.fixtures.LoaderFixtures$ReturnsNull.define() returned null; "
                        + "return the catalog, for example: return catalog(FREE, PRO);");
    }

    @Test
    void load_catalogThrows_namesTheCause() {
        assertThatThrownBy(() -> loader.load(LoaderFixtures.Throws.class.getName(), FRONT_END))
                .hasMessage("dev.autumncatalog.engine.fixtures.LoaderFixtures$Throws.define() threw "
                        + "IllegalStateException: pricing service unavailable");
    }

    @Test
    void load_noDefaultConstructor_saysWhatToAdd() {
        assertThatThrownBy(() -> loader.load(LoaderFixtures.NeedsArgument.class.getName(), FRONT_END))
                .hasMessage("Catalog class dev.autumncatalog.engine.fixtures.LoaderFixtures$NeedsArgument has no "
                        + "no-argument constructor; add 'public NeedsArgument() {}'.");
    }

    @Test
    void load_noName_discoversTheOnlyCatalogClass(@TempDir Path dir) throws IOException {
        compile(
                dir,
                "shop.Pricing",
                "package shop; import dev.autumncatalog.dsl.*;"
                        + " public class Pricing implements CatalogDefinition {"
                        + " public Catalog define() { return Autumn.catalog(Autumn.product(\"pro\").name(\"Pro\")); } }");
        compile(dir, "shop.Helper", "package shop; public class Helper {}");

        CatalogLoader.Loaded loaded = new CatalogLoader(List.of(dir), List.of(dir)).load(null, FRONT_END);

        assertThat(loaded.className()).isEqualTo("shop.Pricing");
        assertThat(loaded.catalog().products()).extracting(p -> p.id()).containsExactly("pro");
    }

    @Test
    void load_noNameAndNoCatalogClass_saysWhereItLooked(@TempDir Path dir) throws IOException {
        compile(dir, "shop.Helper", "package shop; public class Helper {}");

        assertThatThrownBy(() -> new CatalogLoader(List.of(dir), List.of(dir)).load(" ", FRONT_END))
                .hasMessage("No catalog class found: no class in " + dir + " implements "
                        + "dev.autumncatalog.dsl.CatalogDefinition. Add one, or name it with " + HINT + ".");
    }

    @Test
    void load_noNameAndTwoCatalogClasses_asksToChoose(@TempDir Path dir) throws IOException {
        String body = " implements dev.autumncatalog.dsl.CatalogDefinition {"
                + " public dev.autumncatalog.dsl.Catalog define() { return null; } }";
        compile(dir, "shop.B", "package shop; public class B" + body);
        compile(dir, "shop.A", "package shop; public class A" + body);

        assertThatThrownBy(() -> new CatalogLoader(List.of(dir), List.of(dir)).load(null, FRONT_END))
                .hasMessage("Several catalog classes found: [shop.A, shop.B]. Name the one to use with " + HINT + ".");
    }

    private static void compile(Path dir, String className, String source) throws IOException {
        Path src = dir.resolve("src").resolve(className.replace('.', '/') + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int rc = compiler.run(
                null, null, null, "-d", dir.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertThat(rc).as("compiling " + className).isZero();
    }
}
