package dev.autumncatalog.dsl.internal;

import dev.autumncatalog.dsl.Catalog;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Invalid catalogs for other modules' tests (the test jar of catalog-dsl): a generated valid catalog ({@link
 * ValidCatalogs}) broken by one {@link Mutation}, with the path and message fragment the validator must report.
 *
 * <pre>{@code
 * @Property void rejected(@ForAll("invalid") InvalidCatalogs.Invalid invalid) { ... }
 * @Provide Arbitrary<InvalidCatalogs.Invalid> invalid() { return InvalidCatalogs.invalid(); }
 * }</pre>
 */
public final class InvalidCatalogs {
    private InvalidCatalogs() {}

    /**
     * One broken catalog.
     *
     * @param catalog the catalog, invalid
     * @param mutation the rule it breaks (a {@link Mutation} name)
     * @param path where the validator must report a problem
     * @param fragment what that problem's message must contain
     */
    public record Invalid(Catalog catalog, String mutation, String path, String fragment) {
        @Override
        public String toString() {
            return mutation + " at " + path + " (\"" + fragment + "\"): " + catalog;
        }
    }

    /** Valid catalogs, each broken by one mutation, all mutations alike. */
    public static Arbitrary<Invalid> invalid() {
        return Combinators.combine(
                        ValidCatalogs.catalogs(),
                        Arbitraries.of(Mutation.class),
                        Arbitraries.integers().between(0, 1_000))
                .as((valid, mutation, pick) -> {
                    Mutation.Mutated mutated = mutation.apply(valid, pick);
                    return new Invalid(mutated.catalog(), mutation.name(), mutated.path(), mutated.fragment());
                });
    }

    /** The names of every mutation, one per catalog-wide rule. */
    public static List<String> mutations() {
        return Arrays.stream(Mutation.values()).map(Enum::name).collect(Collectors.toList());
    }
}
