package dev.autumncatalog.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The descriptor Maven generated from the Mojos' Javadoc ({@code META-INF/maven/plugin.xml}), which {@code autumn:help
 * -Ddetail} prints: issue 14 found {@code ${project.build.directory/autumn/plan.json}} there ({@code {@code ${…}/…}}
 * loses its inner brace) and examples from {@code <pre>} blocks run together into one paragraph.
 */
class PluginDescriptorTest {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern DESCRIPTION = Pattern.compile("<description>(.*?)</description>", Pattern.DOTALL);

    private static String descriptor() throws IOException {
        try (InputStream in = PluginDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in)
                    .as("the plugin descriptor, generated into target/classes")
                    .isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyExpression_isAPropertyName_notAPathSwallowedIntoTheBraces() throws IOException {
        List<String> broken = new ArrayList<>();
        Matcher matcher = EXPRESSION.matcher(descriptor());
        while (matcher.find()) {
            if (!matcher.group(1).matches("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*")) {
                broken.add(matcher.group());
            }
        }
        assertThat(broken).isEmpty();
        assertThat(descriptor())
                .contains("${project.build.directory}/autumn/plan.json")
                .contains("${project.basedir}/.autumn/sandbox.json")
                .contains("${project.groupId}.autumn");
    }

    @Test
    void noDescription_runsTwoCommandsTogether() throws IOException {
        Matcher matcher = DESCRIPTION.matcher(descriptor());
        List<String> runTogether = new ArrayList<>();
        while (matcher.find()) {
            // "mvn compile autumn:plan mvn compile autumn:plan -D…": a command followed by another without punctuation.
            if (matcher.group(1).matches("(?s).*autumn:[a-z]+( -D\\S+)* mvn .*")) {
                runTogether.add(matcher.group(1));
            }
        }
        assertThat(runTogether).isEmpty();
    }
}
