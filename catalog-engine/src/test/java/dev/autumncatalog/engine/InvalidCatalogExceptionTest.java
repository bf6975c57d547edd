package dev.autumncatalog.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.dsl.Problem;
import dev.autumncatalog.dsl.SourceLocation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How an invalid catalog is worded: every problem at once, led by where it was written. */
class InvalidCatalogExceptionTest {

    @Test
    void describe_leadsEachProblemWithWhatIsKnownOfWhereItIs() {
        SourceLocation line23 = new SourceLocation("shop.Plans", "Plans.java", 23);
        List<Problem> problems = List.of(
                new Problem("products[pro].items[0]", "price amount must be ≥ 0, was -5", line23),
                new Problem("products[free]", "product 'free' needs a non-empty name, was ''", line23),
                new Problem("products[two].items[1]", "a product can have only one price item"),
                new Problem("features[x]", "feature id must contain only letters"));

        assertThat(InvalidCatalogException.describe(problems, Arrays.asList("PRO", null, "Plans.TWO", null)))
                .isEqualTo("Catalog has 4 problems:\n"
                        + "  Plans.java:23 PRO: products[pro].items[0]: price amount must be ≥ 0, was -5\n"
                        + "  Plans.java:23: products[free]: product 'free' needs a non-empty name, was ''\n"
                        + "  Plans.TWO: products[two].items[1]: a product can have only one price item\n"
                        + "  features[x]: feature id must contain only letters");
        assertThat(InvalidCatalogException.describe(problems.subList(0, 1), List.of("PRO")))
                .isEqualTo("Catalog has 1 problem:\n"
                        + "  Plans.java:23 PRO: products[pro].items[0]: price amount must be ≥ 0, was -5");
    }
}
