package dev.autumncatalog.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine words no build tool: the words a front end uses for its settings and commands ({@code -Dautumn.…},
 * {@code mvn autumn:push}, {@code <catalogClass>}, {@code settings.xml}) live in the front end (the Maven plugin's
 * MavenFrontEnd). A source scan of the engine's main code, comments included, fails when one comes back.
 */
class EngineWordsTest {
    private static final Path MAIN = Path.of("src/main/java");

    /** Maven's words, and the plugin's goal syntax. */
    private static final Pattern MAVEN_WORDS = Pattern.compile(
            "-Dautumn|\\bmvn |autumn:(validate|plan|push|check|pull|generate|help)\\b|<catalogClass>|settings\\.xml"
                    + "|maven-plugin|\\bMojo\\b|\\bpom\\.xml\\b");

    /** The pulled file's marker line is a file format that every front end writes: {@code // autumn:pull sha256=}. */
    private static final String PULL_MARKER = "\"// autumn:pull\"";

    /** So is the marker of a value a protective rule refuses: {@code /* autumn:pull: <message> … *}{@code /}. */
    private static final String VALUE_MARKER = "\"autumn:pull: \"";

    @Test
    void mainSources_holdNoMavenWords() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).replace(PULL_MARKER, "").replace(VALUE_MARKER, "");
                    if (isMarkerDoc(file, line)) {
                        continue;
                    }
                    if (MAVEN_WORDS.matcher(line).find()) {
                        found.add(MAIN.relativize(file) + ":" + (i + 1) + ": "
                                + lines.get(i).trim());
                    }
                }
            }
        }

        assertThat(found)
                .as("Maven words in engine main sources; move them to the plugin's MavenFrontEnd")
                .isEmpty();
    }

    @Test
    void scan_findsWhatItLooksFor() {
        // Each would fail the scan above: the pattern is not vacuous.
        for (String line : List.of(
                "\"allow removals with -Dautumn.allowRemovals=true\"",
                "\"Fix the cause and run 'mvn autumn:push' again\"",
                "\"Check the name in <catalogClass>\"",
                "// the password of a settings.xml server",
                "\"run autumn:plan first\"")) {
            assertThat(MAVEN_WORDS.matcher(line).find()).as(line).isTrue();
        }
        assertThat(MAVEN_WORDS
                        .matcher("public static final String LINE_START = \"// autumn:pull\";".replace(PULL_MARKER, ""))
                        .find())
                .isFalse();
    }

    /** PulledFileMarker's own Javadoc shows its marker line. */
    private static boolean isMarkerDoc(Path file, String line) {
        return file.endsWith(Path.of("pull", "PulledFileMarker.java")) && line.contains("// autumn:pull sha256=");
    }
}
