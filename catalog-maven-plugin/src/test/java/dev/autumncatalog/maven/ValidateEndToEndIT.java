package dev.autumncatalog.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Maven run of {@code autumn:validate} on a catalog with four bad values: one build shows all four. */
class ValidateEndToEndIT {
    @TempDir
    Path work;

    @Test
    void validate_fourBadValues_allPrintedInOneBuild_withFileLineAndConstant() {
        Path project = MavenRun.fixture("four-errors", work.resolve("four-errors"));

        String text = MavenRun.run(project, Map.of(), "compile", "autumn:validate")
                .failed()
                .text();

        assertThat(text)
                .contains("on project four-errors: Catalog has 4 problems:\n"
                        + "  Plans.java:12 API_CALLS: features[api calls]: feature id must contain only letters, digits,"
                        + " '_' and '-', was 'api calls'; for example 'api_calls'\n"
                        + "  Plans.java:14 FREE: products[free]: product 'free' needs a non-empty name, was ''\n"
                        + "  Plans.java:17 PRO: products[pro].items[0]: price amount must be ≥ 0, was -5\n"
                        + "  Plans.java:20 TEAM: products[team].items[0]: price amount can have at most 2 decimal"
                        + " places, was 9.999\n"
                        + "Fix these in shop.Plans and run again.\n")
                .doesNotContain("ExceptionInInitializerError")
                .doesNotContain("\tat ");
        assertThat(text.split("Catalog has ", -1))
                .as("the problems are printed once")
                .hasSize(2);
    }
}
