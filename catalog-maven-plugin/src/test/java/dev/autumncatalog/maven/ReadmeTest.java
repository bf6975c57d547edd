package dev.autumncatalog.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README documents every goal and every user property of the plugin descriptor Maven generates. */
class ReadmeTest {
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    private static final Path README = Path.of("../README.md");

    @Test
    void readme_documentsEveryGoalAndProperty() throws Exception {
        String descriptor = Files.readString(DESCRIPTOR);
        String readme = Files.readString(README);

        List<String> goals = all(Pattern.compile("<goal>([a-z]+)</goal>"), descriptor);
        List<String> properties = all(Pattern.compile("\\$\\{(autumn\\.[A-Za-z.]+)\\}"), descriptor);

        assertThat(goals).contains("validate", "plan", "push", "check", "generate", "help");
        for (String goal : goals) {
            assertThat(readme).as("goal %s", goal).contains("autumn:" + goal);
        }
        assertThat(properties).isNotEmpty();
        for (String property : properties) {
            assertThat(readme).as("property %s", property).contains("`" + property + "`");
        }
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (!found.contains(matcher.group(1))) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }
}
