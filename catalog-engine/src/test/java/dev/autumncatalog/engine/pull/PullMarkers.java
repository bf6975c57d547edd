package dev.autumncatalog.engine.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The law of marked values: {@code validate} of a pulled catalog reports exactly the problems pull marked
 * ({@code autumn:pull: <message> — Autumn holds this; …}), a bad value at the line that carries its marker.
 */
final class PullMarkers {
    static final String MARKER = "autumn:pull: ";

    private PullMarkers() {}

    /** The marker comments of a pulled source, in order. */
    static List<String> markers(String source) {
        List<String> markers = new ArrayList<>();
        for (int at = source.indexOf(MARKER); at >= 0; at = source.indexOf(MARKER, at + 1)) {
            markers.add(source.substring(at, source.indexOf(" */", at)));
        }
        return markers;
    }

    /**
     * Every problem {@code validate} reports is marked in the pulled file, a bad value on the line validate names; and
     * there are as many problems as markers.
     */
    static void assertValidateReportsExactlyTheMarkers(String source, Catalog pulled, String context) {
        String[] lines = source.split("\n", -1);
        List<Problem> problems = pulled.validate();
        for (Problem problem : problems) {
            String marker = Expr.marker(problem.message());
            // A bad value has the line that wrote it; a rule about how values fit together has none: the file marks it.
            String where =
                    problem.source() == null ? source : lines[problem.source().line() - 1];
            assertThat(where).as("%s: %s", context, problem).contains(marker);
        }
        assertThat(problems).as("%s: one problem per marker", context).hasSameSizeAs(markers(source));
    }
}
