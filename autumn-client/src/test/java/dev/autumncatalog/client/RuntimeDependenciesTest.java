package dev.autumncatalog.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The client lives inside other people's services, so its runtime class path is Jackson and the JDK, nothing else:
 * no OkHttp, no Kotlin standard library (mockwebserver3 brings both, in test scope only). Two views must agree:
 *
 * <ul>
 *   <li>what Maven resolves for the runtime scope ({@code dependency:list}, written to {@code
 *       target/runtime-dependencies.txt} before the tests run), so a new dependency in the pom fails here;
 *   <li>what the compiled classes refer to ({@code jdeps}), so code using a class that only reaches the class path
 *       through test scope fails here too, as would a JDK module beyond {@code java.base} and {@code java.net.http}.
 * </ul>
 */
class RuntimeDependenciesTest {
    private static final Pattern ARTIFACT =
            Pattern.compile("^\\s+([\\w.\\-]+):([\\w.\\-]+):([\\w.\\-]+)(?::[\\w.\\-]+)?:([\\w.\\-]+):(\\w+)");

    @Test
    void runtimeScope_isJacksonOnly() throws IOException {
        String file = System.getProperty("client.runtimeDependencies");
        assertThat(file)
                .as("run through Maven: the build writes the resolved runtime dependencies before the tests")
                .isNotNull();
        List<String> lines = Files.readAllLines(Path.of(file));

        TreeSet<String> artifacts = new TreeSet<>();
        for (String line : lines) {
            Matcher m = ARTIFACT.matcher(line);
            if (m.find()) {
                artifacts.add(m.group(1) + ":" + m.group(2) + " (" + m.group(5) + ")");
            }
        }

        assertThat(artifacts)
                .as("runtime dependencies of autumn-client; each one lands in every service that uses the client")
                .containsExactly(
                        "com.fasterxml.jackson.core:jackson-annotations (compile)",
                        "com.fasterxml.jackson.core:jackson-core (compile)",
                        "com.fasterxml.jackson.core:jackson-databind (compile)");
        assertThat(String.join("\n", lines).toLowerCase(java.util.Locale.ROOT))
                .doesNotContain("kotlin")
                .doesNotContain("okhttp")
                .doesNotContain("okio");
    }

    @Test
    void compiledClasses_referToTheJdkAndJacksonOnly() {
        String classes = Path.of(URI.create(AutumnClient.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toString()))
                .toString();
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", classes);
        assertThat(status).as(out.toString()).isZero();

        List<String> modules = new ArrayList<>();
        TreeSet<String> outside = new TreeSet<>();
        for (String line : out.toString().split("\\R")) {
            String[] parts = line.trim().split("\\s+");
            if (!line.startsWith(" ") && parts.length >= 3 && parts[1].equals("->")) {
                modules.add(line.substring(line.indexOf("->") + 2).trim());
            } else if (parts.length >= 3 && parts[1].equals("->")) {
                String target = parts[2];
                if (!target.startsWith("java.")
                        && !target.startsWith("com.fasterxml.jackson.")
                        && !target.startsWith("dev.autumncatalog.client")) {
                    outside.add(target);
                }
            }
        }

        assertThat(outside).as("packages outside the JDK and Jackson").isEmpty();
        assertThat(modules)
                .as("JDK modules (not found: Jackson, outside the JDK)")
                .containsExactlyInAnyOrder("java.base", "java.net.http", "not found");
    }
}
