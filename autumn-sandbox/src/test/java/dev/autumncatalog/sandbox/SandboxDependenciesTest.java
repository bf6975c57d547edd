package dev.autumncatalog.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sandbox is a test dependency of other people's projects and speaks Autumn's JSON, not this project's model: its
 * class path holds Jackson and the test libraries, and no other module of this project and no Maven artifact.
 */
class SandboxDependenciesTest {
    private static final List<String> ALLOWED = List.of(
            "/com/fasterxml/jackson/", // the one runtime dependency
            "/org/junit/",
            "/org/opentest4j/",
            "/org/apiguardian/",
            "/org/assertj/",
            "/net/bytebuddy/", // AssertJ's
            "/org/apache/maven/surefire/", // the test runner itself
            "/autumn-sandbox/target/");

    @Test
    void classPath_holdsJacksonAndTestLibrariesOnly() throws IOException {
        List<String> jars = new ArrayList<>();
        for (URL manifest : Collections.list(ClassLoader.getSystemResources("META-INF/MANIFEST.MF"))) {
            jars.add(manifest.toString());
        }
        assertThat(jars).anyMatch(jar -> jar.contains("/com/fasterxml/jackson/core/jackson-databind/"));
        assertThat(jars)
                .as("class path entries beyond Jackson and the test libraries")
                .allMatch(jar -> ALLOWED.stream().anyMatch(jar::contains) || isJdk(jar));
        assertThat(ClassLoader.getSystemResource("dev/autumncatalog/dsl/Catalog.class"))
                .as("the catalog DSL")
                .isNull();
    }

    private static boolean isJdk(String url) {
        return url.startsWith("jrt:");
    }
}
