package dev.autumncatalog.engine.codegen;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import dev.autumncatalog.client.AutumnClient;
import dev.autumncatalog.client.BooleanFlag;
import dev.autumncatalog.client.CreditSystem;
import dev.autumncatalog.client.MeteredFeature;
import dev.autumncatalog.dsl.Catalog;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typed handles ({@code Metered}, {@code Flags}, {@code Credits}): generated as golden files, the golden files
 * compiled against the run-time client (warnings as errors), and what a service writes with them compiled too: {@code
 * track} of a flag or a credit system must not compile.
 */
class HandlesTest {
    private static final boolean UPDATE_GOLDEN = Boolean.getBoolean("autumn.updateGolden");
    private static final Path GOLDEN = Path.of("src/test/resources/codegen/golden");
    private static final String PACKAGE = "com.example.billing.autumn";
    private static final String PACKAGE_DIR = "com/example/billing/autumn";

    @TempDir
    Path work;

    private static List<JavaFile> generate(Catalog catalog) {
        return new ConstantsGenerator(PACKAGE, RichCatalog.class.getName(), ConstantsGeneratorTest.GENERATOR)
                .withHandles()
                .generate(catalog);
    }

    // Golden files

    @Test
    void withHandles_richCatalog_handlesMatchGoldenFiles() throws IOException {
        assertGolden("handles", handlesOnly(generate(new RichCatalog().define())));
    }

    @Test
    void withHandles_emptyCatalog_stillGeneratesTheThreeClasses() throws IOException {
        assertGolden("handles-empty", handlesOnly(generate(catalog())));
    }

    @Test
    void withHandles_constantsAreThoseOfTheJdkOnlyGenerator_handlesFollow() {
        Catalog rich = new RichCatalog().define();
        List<JavaFile> plain = new ConstantsGenerator(
                        PACKAGE, RichCatalog.class.getName(), ConstantsGeneratorTest.GENERATOR)
                .generate(rich);
        List<JavaFile> withHandles = generate(rich);

        assertThat(withHandles.stream().map(f -> f.typeSpec().name()))
                .containsExactly(
                        "FeatureId", "FeatureKind", "Features", "ProductId", "Products", "Credits", "Flags", "Metered");
        assertThat(withHandles.subList(0, 5).stream().map(JavaFile::toString))
                .containsExactlyElementsOf(
                        plain.stream().map(JavaFile::toString).collect(Collectors.toList()));
    }

    private static Map<String, String> handlesOnly(List<JavaFile> files) {
        Map<String, String> handles = new TreeMap<>();
        for (JavaFile file : files) {
            if (ConstantsGenerator.HANDLE_CLASS_NAMES.contains(file.typeSpec().name())) {
                handles.put(file.typeSpec().name() + ".java", file.toString());
            }
        }
        return handles;
    }

    private static void assertGolden(String name, Map<String, String> actual) throws IOException {
        Path directory = GOLDEN.resolve(name);
        if (UPDATE_GOLDEN) {
            Files.createDirectories(directory);
            for (Map.Entry<String, String> entry : actual.entrySet()) {
                Files.writeString(directory.resolve(entry.getKey()), entry.getValue(), StandardCharsets.UTF_8);
            }
        }
        Map<String, String> expected = read(directory);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        for (String file : expected.keySet()) {
            assertThat(actual.get(file))
                    .as("%s differs from %s; if intended, run with -Dautumn.updateGolden=true", file, directory)
                    .isEqualTo(expected.get(file));
        }
    }

    private static Map<String, String> read(Path directory) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : paths.collect(Collectors.toList())) {
                files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    // The golden files, compiled against the client

    /** Copies the rich goldens (constants and handles) into a source tree; returns the paths. */
    private List<Path> goldenSources(Path sources) throws IOException {
        Path target = Files.createDirectories(sources.resolve(PACKAGE_DIR));
        List<Path> paths = new ArrayList<>();
        for (String set : List.of("rich", "handles")) {
            for (Map.Entry<String, String> file : read(GOLDEN.resolve(set)).entrySet()) {
                Path path = target.resolve(file.getKey());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                paths.add(path);
            }
        }
        return paths;
    }

    /** The client's run-time class path: its classes and Jackson (what a service compiles the handles with). */
    private static List<Path> clientClasspath() {
        List<Path> entries = new ArrayList<>();
        entries.add(location(AutumnClient.class));
        entries.add(location(com.fasterxml.jackson.databind.ObjectMapper.class));
        entries.add(location(com.fasterxml.jackson.core.JsonParser.class));
        entries.add(location(com.fasterxml.jackson.annotation.JsonProperty.class));
        return entries;
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void goldenHandles_compileStrictlyAgainstTheClient_andHoldTheClientsHandles() throws Exception {
        Path sources = work.resolve("sources");
        Path classes = JdkCompiler.compileSources(goldenSources(sources), sources, work, clientClasspath());

        // The test's own loader as parent, so the handles' types are the very client classes the test sees.
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {classes.toUri().toURL()}, HandlesTest.class.getClassLoader())) {
            assertThat(constants(loader.loadClass(PACKAGE + ".Metered")))
                    .isEqualTo(ordered(
                            "_3D_RENDERS", MeteredFeature.of("3d_renders"),
                            "AI_TOKENS", MeteredFeature.of("ai-tokens"),
                            "API_CALLS", MeteredFeature.of("api_calls"),
                            "MESSAGES", MeteredFeature.of("messages"),
                            "SEATS", MeteredFeature.of("seats"),
                            "STORAGE_GB", MeteredFeature.of("storageGB")));
            assertThat(constants(loader.loadClass(PACKAGE + ".Flags")))
                    .isEqualTo(ordered("CLASS", BooleanFlag.of("class"), "SSO", BooleanFlag.of("sso")));
            assertThat(constants(loader.loadClass(PACKAGE + ".Credits")))
                    .isEqualTo(ordered("CREDITS", CreditSystem.of("credits")));
        }
    }

    private static Map<String, Object> constants(Class<?> type) throws IllegalAccessException {
        Map<String, Object> constants = new LinkedHashMap<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers())) {
                constants.put(field.getName(), field.get(null));
            }
        }
        return constants;
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    // What a service writes with them

    /** Compiles a service class using the golden handles; returns javac's errors for the service class only. */
    private List<String> compileService(String body) throws IOException {
        Path sources = work.resolve("sources");
        List<Path> paths = goldenSources(sources);
        Path service =
                Files.createDirectories(sources.resolve("com/example/billing")).resolve("Service.java");
        Files.writeString(
                service,
                "package com.example.billing;\n\n"
                        + "import com.example.billing.autumn.Credits;\n"
                        + "import com.example.billing.autumn.Flags;\n"
                        + "import com.example.billing.autumn.Metered;\n"
                        + "import dev.autumncatalog.client.AutumnClient;\n\n"
                        + "class Service {\n"
                        + "    void run(AutumnClient autumn) {\n"
                        + body
                        + "    }\n"
                        + "}\n",
                StandardCharsets.UTF_8);
        paths.add(service);
        return JdkCompiler.diagnostics(
                        paths, sources, work, clientClasspath(), List.of("--release", "17", "-proc:none"))
                .stream()
                .filter(line -> !line.startsWith("NOTE "))
                .map(line -> line.replace(service.toString(), "Service.java"))
                .collect(Collectors.toList());
    }

    @Test
    void service_checksEveryKind_tracksMetered_compiles() throws IOException {
        // Guards the two tests below: a broken class path would fail them for the wrong reason.
        assertThat(compileService("        autumn.check(\"c1\", Metered.API_CALLS);\n"
                        + "        autumn.check(\"c1\", Flags.SSO);\n"
                        + "        autumn.check(\"c1\", Credits.CREDITS);\n"
                        + "        autumn.track(\"c1\", Metered.AI_TOKENS, 1200);\n"
                        + "        autumn.track(\"c1\", Metered.SEATS, -1);\n"))
                .isEmpty();
    }

    @Test
    void service_tracksACreditSystem_doesNotCompile() throws IOException {
        assertThat(compileService("        autumn.track(\"c1\", Credits.CREDITS, 5);\n"))
                .singleElement()
                .asString()
                .startsWith("ERROR Service.java:10: no suitable method found for"
                        + " track(java.lang.String,dev.autumncatalog.client.CreditSystem,int)\n")
                .contains("(argument mismatch; dev.autumncatalog.client.CreditSystem cannot be converted to"
                        + " dev.autumncatalog.client.Trackable)");
    }

    @Test
    void service_tracksABooleanFlag_doesNotCompile() throws IOException {
        assertThat(compileService("        autumn.track(\"c1\", Flags.SSO, 1);\n"))
                .singleElement()
                .asString()
                .startsWith("ERROR Service.java:10: no suitable method found for"
                        + " track(java.lang.String,dev.autumncatalog.client.BooleanFlag,int)\n")
                .contains("(argument mismatch; dev.autumncatalog.client.BooleanFlag cannot be converted to"
                        + " dev.autumncatalog.client.Trackable)");
    }
}
