package dev.autumncatalog.engine;

import dev.autumncatalog.dsl.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The catalog loaded but is invalid; nothing was requested or written. The message lists every problem, each led by
 * where it was written and the constant that holds it when known:
 *
 * <pre>
 * Catalog has 2 problems:
 *   Plans.java:23 PRO: products[pro].items[0]: price amount must be &gt; 0, was -5
 *   products[free].items[0]: boolean feature 'sso' cannot have included usage (was 5); remove .included(5)
 * </pre>
 *
 * {@link #className()} says which class to fix.
 */
public final class InvalidCatalogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String className;
    private final transient List<Problem> problems;

    /**
     * @param className the catalog class (or the origin of a catalog built in code)
     * @param problems every problem, in catalog order
     * @param constants the constant holding each problem's feature or product, in the same order ({@code null} for
     *     none)
     */
    public InvalidCatalogException(String className, List<Problem> problems, List<String> constants) {
        super(describe(problems, constants));
        this.className = Objects.requireNonNull(className, "className");
        this.problems = List.copyOf(problems);
    }

    /** The catalog class (or the origin of a catalog built in code). */
    public String className() {
        return className;
    }

    /** Every problem, with its path. */
    public List<Problem> problems() {
        return problems;
    }

    /**
     * {@code Catalog has 2 problems:} and one line per problem, led by where it was written and the constant that holds
     * it when known: {@code Plans.java:23 PRO: products[pro].items[0]: price amount must be ≥ 0, was -5}.
     */
    static String describe(List<Problem> problems, List<String> constants) {
        StringBuilder text = new StringBuilder("Catalog has ")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem:" : " problems:");
        for (int i = 0; i < problems.size(); i++) {
            Problem problem = problems.get(i);
            List<String> where = new ArrayList<>();
            if (problem.source() != null) {
                where.add(problem.source().toString());
            }
            if (constants.get(i) != null) {
                where.add(constants.get(i));
            }
            text.append("\n  ");
            if (!where.isEmpty()) {
                text.append(String.join(" ", where)).append(": ");
            }
            text.append(problem.path()).append(": ").append(problem.message());
        }
        return text.toString();
    }
}
