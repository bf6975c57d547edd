package dev.autumncatalog.dsl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Problem;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Laws of the validator. Tries come from {@code jqwik.tries.default}: 1,000 in the default build, 10,000 with
 * {@code -Pthorough} (see {@code junit-platform.properties}). Edge cases are off: the catalogs are built by nested
 * {@code flatMap}s, whose edge cases cost most of the run time and crowd out random catalogs (a run with edge cases
 * mixed in spent 60% of its tries on two-product catalogs); the generator reaches the small cases on its own.
 */
class CatalogValidatorPropertyTest {

    @Property(edgeCases = EdgeCasesMode.NONE)
    void validCatalog_hasNoProblems(@ForAll("validCatalogs") Catalog catalog) {
        Statistics.label("products").collect(catalog.products().size());

        assertThat(catalog.validate()).isEmpty();
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void mutatedCatalog_hasAProblemAtTheMutatedPath(
            @ForAll("validCatalogs") Catalog valid, @ForAll Mutation mutation, @ForAll("picks") int pick) {
        Mutation.Mutated mutated = mutation.apply(valid, pick);
        Statistics.label("mutation").collect(mutation);

        List<Problem> problems = mutated.catalog().validate();

        assertThat(valid.validate()).isEmpty();
        assertThat(problems)
                .as(
                        "problems of %s mutated by %s; expected one at %s containing \"%s\"%s",
                        mutated.catalog(),
                        mutation,
                        mutated.path(),
                        mutated.fragment(),
                        mutated.located() ? ", written in Mutation.java" : "")
                .anyMatch(problem -> problem.path().equals(mutated.path())
                        && problem.message().contains(mutated.fragment())
                        && (!mutated.located()
                                || (problem.source() != null
                                        && problem.source().fileName().equals("Mutation.java"))));
        Statistics.label("mutation").coverage(coverage -> {
            for (Mutation each : Mutation.values()) {
                coverage.check(each).count(count -> count > 0);
            }
        });
    }

    @Provide
    Arbitrary<Catalog> validCatalogs() {
        return ValidCatalogs.catalogs();
    }

    @Provide
    Arbitrary<Integer> picks() {
        return Arbitraries.integers().between(0, 1_000);
    }
}
