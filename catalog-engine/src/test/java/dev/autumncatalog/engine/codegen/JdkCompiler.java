package dev.autumncatalog.engine.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with nothing on the classpath but an empty directory, every lint and doclint check on,
 * warnings as errors, and US-ASCII as source encoding: what compiles here needs only the JDK, is warning-free, and
 * reads the same whatever encoding the consuming project uses.
 */
final class JdkCompiler {
    /** The options: JDK only, strict. */
    static final List<String> OPTIONS =
            List.of("--release", "17", "-Xlint:all", "-Xdoclint:all/protected", "-Werror", "-proc:none");

    private JdkCompiler() {}

    /** Compiles {@code files} into {@code work}/classes and returns a class loader that sees only them and the JDK. */
    static ClassLoader compile(List<JavaFile> files, Path work) {
        try {
            Path sources = work.resolve("sources");
            List<Path> paths = new ArrayList<>();
            for (JavaFile file : files) {
                Path path = GeneratedSources.path(sources, file);
                Files.createDirectories(path.getParent());
                Files.write(path, GeneratedSources.bytes(file));
                paths.add(path);
            }
            Path classes = compileSources(paths, sources, work, List.of());
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles the source files below {@code sources} (as {@link #compile(List, Path)} does, strictly) against {@code
     * classpath} alone, into {@code work}/classes, and returns that directory; fails the test on any diagnostic.
     */
    static Path compileSources(List<Path> paths, Path sources, Path work, List<Path> classpath) {
        List<String> messages = diagnostics(paths, sources, work, classpath, OPTIONS);
        assertThat(messages).as("javac diagnostics").isEmpty();
        return work.resolve("classes");
    }

    /** The diagnostics of compiling {@code paths} with {@code options}, one line each: kind, file:line, message. */
    static List<String> diagnostics(
            List<Path> paths, Path sources, Path work, List<Path> classpath, List<String> baseOptions) {
        try {
            Path classes = Files.createDirectories(work.resolve("classes"));
            Path emptyClasspath = Files.createDirectories(work.resolve("empty-classpath"));
            List<String> entries = new ArrayList<>();
            entries.add(emptyClasspath.toString());
            classpath.forEach(entry -> entries.add(entry.toString()));
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            List<String> options = new ArrayList<>(baseOptions);
            options.addAll(List.of(
                    "-classpath", String.join(java.io.File.pathSeparator, entries),
                    "-sourcepath", sources.toString(),
                    "-encoding", "US-ASCII",
                    "-d", classes.toString()));
            StringWriter out = new StringWriter();
            boolean ok;
            try (StandardJavaFileManager manager =
                    compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                ok = compiler.getTask(
                                out, manager, diagnostics, options, null, manager.getJavaFileObjectsFromPaths(paths))
                        .call();
            }
            List<String> messages = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                messages.add(d.getKind() + " "
                        + (d.getSource() == null ? "" : d.getSource().getName()) + ":" + d.getLineNumber() + ": "
                        + d.getMessage(Locale.ROOT));
            }
            if (!ok && messages.isEmpty()) {
                messages.add("javac failed without a diagnostic: " + out);
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
