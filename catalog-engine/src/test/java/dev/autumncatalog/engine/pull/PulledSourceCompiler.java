package dev.autumncatalog.engine.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.dsl.Autumn;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles pulled sources against the DSL classes only, strictly (every lint as an error, and doclint on the comments
 * the writer emits, so escaped remote text must be valid Javadoc), and loads their catalog definitions.
 */
final class PulledSourceCompiler {
    private static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();

    private PulledSourceCompiler() {}

    /**
     * Compiles {@code sources} (path relative to the source root → content) under {@code work} and returns a class
     * loader over the result whose parent knows the DSL, so loaded catalogs compare equal to the test's.
     */
    static ClassLoader compile(Map<String, String> sources, Path work) {
        try {
            Path sourceRoot = Files.createDirectories(work.resolve("sources"));
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<Path> paths = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path path = sourceRoot.resolve(source.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, source.getValue(), StandardCharsets.UTF_8);
                paths.add(path);
            }
            List<String> options = List.of(
                    "--release",
                    "17",
                    "-Xlint:all",
                    "-Xdoclint:all/protected",
                    "-Xdoclint:-missing",
                    "-Werror",
                    "-proc:none",
                    "-encoding",
                    "UTF-8",
                    "-classpath",
                    dslClasses().toString(),
                    "-d",
                    classes.toString());
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            StringWriter out = new StringWriter();
            boolean ok;
            try (StandardJavaFileManager manager =
                    COMPILER.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                ok = COMPILER.getTask(
                                out, manager, diagnostics, options, null, manager.getJavaFileObjectsFromPaths(paths))
                        .call();
            }
            List<String> messages = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                messages.add(d.getKind() + " "
                        + (d.getSource() == null ? "" : d.getSource().getName()) + ":" + d.getLineNumber() + ": "
                        + d.getMessage(Locale.ROOT) + line(d));
            }
            assertThat(messages).as("javac diagnostics (%s)", out).isEmpty();
            assertThat(ok).as("javac result").isTrue();
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Autumn.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source line a diagnostic points at, to see what javac saw. */
    private static String line(Diagnostic<? extends JavaFileObject> diagnostic) {
        if (diagnostic.getSource() == null || diagnostic.getLineNumber() < 1) {
            return "";
        }
        try {
            String[] lines =
                    diagnostic.getSource().getCharContent(true).toString().split("\n", -1);
            return "\n    | " + lines[(int) diagnostic.getLineNumber() - 1];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Compiles one pulled source and calls {@code define()} of its class. */
    static Catalog define(PulledSource source, Path work) {
        String className = source.files().get(0).packageName() + "."
                + source.files().get(0).typeSpec().name();
        return define(compile(sources(source), work), className);
    }

    /** Calls {@code define()} of a compiled catalog class. */
    static Catalog define(ClassLoader loader, String className) {
        try {
            Class<?> type = Class.forName(className, true, loader);
            return ((CatalogDefinition) type.getConstructor().newInstance()).define();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("could not call define() of " + className, e);
        }
    }

    /** The files of a pulled source as compiler input. */
    static Map<String, String> sources(PulledSource source) {
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        source.files()
                .forEach(file -> sources.put(
                        file.packageName().replace('.', '/') + "/"
                                + file.typeSpec().name() + ".java",
                        file.toString()));
        return sources;
    }

    /** Where the DSL classes are: a directory in the reactor, a jar otherwise. */
    private static Path dslClasses() {
        try {
            return Path.of(Autumn.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
