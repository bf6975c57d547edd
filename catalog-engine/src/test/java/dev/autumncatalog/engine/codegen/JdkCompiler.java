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
            Path classes = Files.createDirectories(work.resolve("classes"));
            Path emptyClasspath = Files.createDirectories(work.resolve("empty-classpath"));
            List<Path> paths = new ArrayList<>();
            for (JavaFile file : files) {
                Path path = GeneratedSources.path(sources, file);
                Files.createDirectories(path.getParent());
                Files.write(path, GeneratedSources.bytes(file));
                paths.add(path);
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            List<String> options = new ArrayList<>(OPTIONS);
            options.addAll(List.of(
                    "-classpath", emptyClasspath.toString(),
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
            assertThat(messages).as("javac diagnostics (%s)", out).isEmpty();
            assertThat(ok).as("javac result").isTrue();
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
