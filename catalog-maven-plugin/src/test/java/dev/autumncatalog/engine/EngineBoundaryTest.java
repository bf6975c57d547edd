package dev.autumncatalog.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine is a library that knows nothing of Maven; only {@code dev.autumncatalog.maven} may import it. */
class EngineBoundaryTest {
    private static final Path ENGINE = Path.of("src/main/java/dev/autumncatalog/engine");

    @Test
    void engine_importsNothingFromMaven() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ENGINE)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    if (line.matches(
                            "import\\s+(static\\s+)?org\\.(apache\\.maven|codehaus\\.plexus|eclipse\\.aether)\\..*")) {
                        offenders.add(file + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertThat(Files.isDirectory(ENGINE)).isTrue();
        assertThat(offenders).as("Maven imports in engine packages").isEmpty();
    }
}
