package dev.autumncatalog.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine is a library that a Gradle plugin or a CLI can call: no Maven artifact may reach its class path. The
 * enforcer rule {@code no-maven-on-the-class-path} fails the build first; this test holds the same line for the class
 * path the engine's tests actually run with (compile, runtime and test scope together).
 */
class EngineDependenciesTest {

    @Test
    void classPath_holdsNoMavenArtifact() throws IOException {
        List<String> jars = classPath();
        // Guards the assertion below: a class path that could not be listed would pass it vacuously.
        assertThat(jars).anyMatch(jar -> jar.contains("/com/squareup/okhttp3/okhttp-jvm/"));
        assertThat(jars)
                .as("Maven artifacts on the engine's class path")
                .noneMatch(jar -> jar.matches(".*/org/(apache/maven|codehaus/plexus|eclipse/sisu|eclipse/aether)/.*")
                        && !jar.contains("/org/apache/maven/surefire/"));
        assertThat(ClassLoader.getSystemResource("org/apache/maven/plugin/Mojo.class"))
                .as("Maven's plugin API")
                .isNull();
    }

    private static List<String> classPath() throws IOException {
        List<String> jars = new ArrayList<>();
        for (URL manifest : Collections.list(ClassLoader.getSystemResources("META-INF/MANIFEST.MF"))) {
            jars.add(manifest.toString());
        }
        return jars;
    }
}
