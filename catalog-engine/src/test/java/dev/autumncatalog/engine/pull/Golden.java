package dev.autumncatalog.engine.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/pull/golden}, compared whole. Run with {@code -Dgolden.update=true} to
 * rewrite them, then review the diff.
 */
final class Golden {
    private static final Path ROOT = Path.of("src/test/resources/pull/golden");

    private Golden() {}

    static void assertMatches(String name, String actual) {
        Path file = ROOT.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(file)
                    .as("golden file %s (-Dgolden.update=true rewrites it)", file)
                    .exists();
            assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
