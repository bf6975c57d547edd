package dev.autumncatalog.maven;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/** How {@code autumn:validate} words an invalid catalog: every problem at once, where it was written. */
class ValidateMojoTest {

    @Test
    void execute_fourBadValues_failsWithAllOfThem_fileLineAndConstant() throws IOException {
        ValidateMojo mojo = new ValidateMojo();
        mojo.project = new MavenProject();
        mojo.project.getBuild().setOutputDirectory(classes());
        mojo.catalogClass = FourBadValues.class.getName();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Catalog has 5 problems:\n"
                        + "  FourBadValues.java:" + line("feature(\"api calls\")") + " API_CALLS: features[api calls]:"
                        + " feature id must contain only letters, digits, '_' and '-', was 'api calls'; for example"
                        + " 'api_calls'\n"
                        + "  FourBadValues.java:" + line("product(\"free\")") + " FREE: products[free]: product 'free'"
                        + " needs a non-empty name, was ''\n"
                        + "  FourBadValues.java:" + line("priceItem(-5)") + " PRO: products[pro].items[0]: price"
                        + " amount must be ≥ 0, was -5\n"
                        + "  FourBadValues.java:" + line("priceItem(\"9.999\")") + " TEAM: products[team].items[0]:"
                        + " price amount can have at most 2 decimal places, was 9.999\n"
                        + "  products[two].items[1]: a product can have only one price item, and items[0] already is"
                        + " one; remove this one\n"
                        + "Fix these in " + FourBadValues.class.getName() + " and run again.")
                // Maven prints a cause's message after the exception's: the problems would show twice.
                .hasNoCause();
    }

    private static String classes() {
        try {
            return Path.of(FourBadValues.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** The line of FourBadValues.java that holds {@code text}. */
    private static int line(String text) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/dev/autumncatalog/maven/FourBadValues.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in FourBadValues.java");
    }
}
