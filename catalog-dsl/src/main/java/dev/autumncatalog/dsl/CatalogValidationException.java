package dev.autumncatalog.dsl;

import java.util.List;

/** Thrown by {@link Catalog#requireValid()} with every problem of the catalog. */
public final class CatalogValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** A failure listing {@code problems}, which must not be empty. */
    public CatalogValidationException(List<Problem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in catalog order. */
    public List<Problem> problems() {
        return problems;
    }

    /** {@code Catalog has 2 problems:} followed by one indented line per problem. */
    public static String render(List<Problem> problems) {
        StringBuilder text = new StringBuilder("Catalog has ")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem:" : " problems:");
        for (Problem problem : problems) {
            text.append("\n  ").append(problem);
        }
        return text.toString();
    }
}
