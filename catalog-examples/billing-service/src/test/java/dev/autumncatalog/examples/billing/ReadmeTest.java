package dev.autumncatalog.examples.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.client.AutumnClient;
import dev.autumncatalog.client.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's "Use it in your service" cannot rot: its Java snippets are this module's code (the parts between
 * {@code README:begin} and {@code README:end}, which compile and run in this build), and its dependency snippet names
 * this build's version and the compiler and surefire versions the build itself pins.
 */
class ReadmeTest {
    private static final Path ROOT = Path.of("../..");
    private static final Path SOURCES = Path.of("src");

    private static String section() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## Use it in your service\n");
        assertThat(start).as("README section 'Use it in your service'").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end);
    }

    private static List<String> blocks(String text, String language) {
        List<String> blocks = new ArrayList<>();
        Matcher m =
                Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(text);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** The lines between the markers of {@code file}, without their common indentation. */
    private static String region(String file) throws IOException {
        List<String> lines = Files.readAllLines(SOURCES.resolve(file));
        int begin = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith("// README:begin")) {
                begin = i + 1;
            } else if (lines.get(i).trim().equals("// README:end")) {
                end = i;
            }
        }
        assertThat(begin).as("README:begin in %s", file).isPositive();
        List<String> region = lines.subList(begin, end);
        int indent = region.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        return region.stream()
                .map(line -> line.isBlank() ? "" : line.substring(indent))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void javaSnippets_areThisModulesCode() throws IOException {
        assertThat(blocks(section(), "java"))
                .containsExactly(
                        region("main/java/dev/autumncatalog/examples/billing/AutumnClients.java"),
                        region("main/java/dev/autumncatalog/examples/billing/ApiGateway.java"),
                        region("test/java/dev/autumncatalog/examples/billing/ReadmeExampleTest.java"));
    }

    @Test
    void dependencySnippet_pinsTheBuildsVersions() throws IOException {
        String xml = blocks(section(), "xml").get(0);
        String parent = Files.readString(ROOT.resolve("pom.xml"));
        String version =
                firstGroup("<artifactId>autumn-catalog-parent</artifactId>\\s*<version>([^<]+)</version>", parent);

        assertThat(versionOf("autumn-client", xml)).isEqualTo(version);
        assertThat(versionOf("autumn-sandbox-junit", xml)).isEqualTo(version);
        assertThat(versionOf("autumn-maven-plugin", xml)).isEqualTo(version);
        assertThat(versionOf("maven-compiler-plugin", xml)).isEqualTo(versionOf("maven-compiler-plugin", parent));
        assertThat(versionOf("maven-surefire-plugin", xml)).isEqualTo(versionOf("maven-surefire-plugin", parent));
        assertThat(xml).contains("<release>17</release>", "<generateHandles>true</generateHandles>");
        assertThat(xml.replaceAll("\\s+", ""))
                .contains("<artifactId>autumn-sandbox-junit</artifactId><version>" + version
                        + "</version><scope>test</scope>");
        // The modules the snippet names exist in this build.
        assertThat(ROOT.resolve("autumn-client/pom.xml")).exists();
        assertThat(ROOT.resolve("autumn-sandbox-junit/pom.xml")).exists();
    }

    private static String versionOf(String artifactId, String pom) {
        return firstGroup(
                "<artifactId>" + Pattern.quote(artifactId) + "</artifactId>\\s*<version>([^<]+)</version>", pom);
    }

    private static String firstGroup(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find())
                .as("%s in %s", regex, text.substring(0, Math.min(200, text.length())))
                .isTrue();
        return m.group(1);
    }

    @Test
    void clientSnippet_buildsASandboxClient_andRefusesALiveKeyUnlessLiveIsStated() {
        AutumnClient sandbox = AutumnClients.fromEnvironment(Map.of("AUTUMN_SECRET_KEY", "am_sk_test_abc123"));
        assertThat(sandbox.environment()).isEqualTo(Environment.SANDBOX);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> AutumnClients.fromEnvironment(Map.of("AUTUMN_SECRET_KEY", "am_sk_live_" + "abc123")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("abc123");
        assertThat(AutumnClients.fromEnvironment(
                                Map.of("AUTUMN_SECRET_KEY", "am_sk_live_" + "abc123", "AUTUMN_ENVIRONMENT", "live"))
                        .environment())
                .isEqualTo(Environment.LIVE);
    }
}
