package dev.autumncatalog.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A new user's first project, built from README alone: the parent-less {@code pom.xml} and the catalog class of
 * "Using the plugin", copied as written, validate, plan and push to the local sandbox under the oldest Maven the
 * plugin supports (3.6.3, unpacked by the build from Maven Central), the system Maven when there is one, and the
 * wrapper's.
 */
class FirstProjectIT {
    private static final Path README = Path.of("../README.md");

    @TempDir
    Path work;

    static Stream<Arguments> mavens() {
        Path oldest = Path.of(System.getProperty("it.maven363.home", "target/maven-3.6.3/apache-maven-3.6.3"));
        return Stream.of(
                Arguments.of("Maven 3.6.3", oldest.resolve("bin/mvn")),
                Arguments.of("the system Maven", systemMaven()),
                Arguments.of("the wrapper's Maven", MavenRun.wrapperMaven()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mavens")
    void readmeProject_validatesPlansAndPushesToTheSandbox(String which, Path mvn) throws IOException {
        assumeTrue(mvn != null && Files.isExecutable(mvn), which + " is not installed here");
        Path project = readmeProject(work.resolve("pricing"));

        String log = MavenRun.run(
                        mvn,
                        project,
                        Map.of(),
                        "-V",
                        "compile",
                        "autumn:validate",
                        "autumn:plan",
                        "autumn:push",
                        "-Dautumn.target=local")
                .succeeded()
                .text();

        assertThat(log)
                .as(which)
                .contains(which.equals("Maven 3.6.3") ? "Apache Maven 3.6.3 " : "Apache Maven ")
                .contains("Catalog is valid: 1 feature, 2 products.")
                .contains("  + feature api_calls  (single-use, \"API Calls\")\n")
                .contains("  + plan pro  \"Pro\"\n      price: $20 per month\n")
                .contains("Plan: 3 to create, 0 to update, 0 to remove (0 archive, 0 delete), 0 to un-archive.")
                .contains("Pushed 3 changes to ");

        String again = MavenRun.run(mvn, project, Map.of(), "compile", "autumn:push", "-Dautumn.target=local")
                .succeeded()
                .text();
        assertThat(again).contains("No changes. Autumn matches the catalog.");
    }

    /** The project exactly as README shows it: the pom.xml and Pricing.java blocks of "Using the plugin". */
    private static Path readmeProject(Path into) throws IOException {
        String readme = Files.readString(README);
        String section = readme.substring(readme.indexOf("## Using the plugin"));
        String pom = block(section, "xml");
        String pricing = block(section, "java");
        assertThat(pom).startsWith("<?xml").doesNotContain("<parent>");
        assertThat(pricing).startsWith("package com.acme.pricing;");
        Path sources = into.resolve("src/main/java/com/acme/pricing");
        Files.createDirectories(sources);
        Files.writeString(into.resolve("pom.xml"), pom.replace("0.1.0-SNAPSHOT", MavenRun.VERSION));
        Files.writeString(sources.resolve("Pricing.java"), pricing);
        return into;
    }

    private static String block(String markdown, String language) {
        Matcher block =
                Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        assertThat(block.find())
                .as("a ```" + language + " block in README's 'Using the plugin'")
                .isTrue();
        return block.group(1);
    }

    private static Path systemMaven() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path mvn = Path.of(directory, "mvn");
            if (Files.isExecutable(mvn)
                    && !mvn.toAbsolutePath()
                            .normalize()
                            .startsWith(Path.of(System.getProperty("maven.home"))
                                    .toAbsolutePath()
                                    .normalize())) {
                return mvn;
            }
        }
        return null;
    }
}
