package dev.autumncatalog.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tracking a credit system or a boolean does not compile: snippets a user could write are compiled with javac against
 * the module's classes, and the exact compiler errors are asserted. A snippet that must compile guards the harness
 * itself (a broken class path would fail every snippet, for the wrong reason).
 */
class CompileSafetyTest {
    @TempDir
    Path out;

    private record Error(long line, String code, String message) {}

    private List<Error> compile(String body) {
        String source = "import dev.autumncatalog.client.*;\n"
                + "import java.math.BigDecimal;\n"
                + "class Snippet {\n"
                + "    void run(AutumnClient autumn) {\n"
                + body
                + "    }\n"
                + "}\n";
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classes = Path.of(URI.create(AutumnClient.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toString()))
                .toString();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            JavaFileObject snippet =
                    new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
                        @Override
                        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                            return source;
                        }
                    };
            List<String> options = List.of(
                    "--release",
                    "17",
                    "-classpath",
                    classes + File.pathSeparator + System.getProperty("java.class.path"),
                    "-d",
                    out.toString());
            javac.getTask(null, files, diagnostics, options, null, List.of(snippet))
                    .call();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Error> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                // Line numbers inside the method body: the snippet's first line is line 1.
                errors.add(new Error(d.getLineNumber() - 4, d.getCode(), d.getMessage(Locale.ROOT)));
            }
        }
        return errors;
    }

    @Test
    void everyKind_checks_andMeteredOrPlainIds_track() {
        assertThat(compile("        autumn.check(\"c1\", MeteredFeature.of(\"api_calls\"));\n"
                        + "        autumn.check(\"c1\", BooleanFlag.of(\"sso\"));\n"
                        + "        autumn.check(\"c1\", CreditSystem.of(\"credits\"));\n"
                        + "        autumn.check(\"c1\", \"anything\");\n"
                        + "        autumn.track(\"c1\", MeteredFeature.of(\"ai_tokens\"), 1200);\n"
                        + "        autumn.track(\"c1\", MeteredFeature.of(\"ai_tokens\"), new BigDecimal(\"12.5\"));\n"
                        + "        autumn.track(\"c1\", FeatureId.of(\"exports\"), 1);\n"
                        + "        autumn.track(\"c1\", \"exports\", 1);\n"
                        + "        autumn.track(TrackRequest.of(\"c1\", MeteredFeature.of(\"api_calls\"), 1));\n"))
                .isEmpty();
    }

    @Test
    void trackingACreditSystem_doesNotCompile() {
        assertThat(compile("        autumn.track(\"c1\", CreditSystem.of(\"credits\"), 5);\n"))
                .containsExactly(
                        new Error(
                                1,
                                "compiler.err.cant.apply.symbols",
                                "no suitable method found for track(java.lang.String,dev.autumncatalog.client.CreditSystem,int)\n"
                                        + "    method dev.autumncatalog.client.AutumnClient.track(java.lang.String,dev.autumncatalog.client.Trackable,long) is not applicable\n"
                                        + "      (argument mismatch; dev.autumncatalog.client.CreditSystem cannot be converted to dev.autumncatalog.client.Trackable)\n"
                                        + "    method dev.autumncatalog.client.AutumnClient.track(java.lang.String,dev.autumncatalog.client.Trackable,java.math.BigDecimal) is not applicable\n"
                                        + "      (argument mismatch; dev.autumncatalog.client.CreditSystem cannot be converted to dev.autumncatalog.client.Trackable)\n"
                                        + "    method dev.autumncatalog.client.AutumnClient.track(java.lang.String,java.lang.String,long) is not applicable\n"
                                        + "      (argument mismatch; dev.autumncatalog.client.CreditSystem cannot be converted to java.lang.String)\n"
                                        + "    method dev.autumncatalog.client.AutumnClient.track(java.lang.String,java.lang.String,java.math.BigDecimal) is not applicable\n"
                                        + "      (argument mismatch; dev.autumncatalog.client.CreditSystem cannot be converted to java.lang.String)"));
    }

    @Test
    void trackingABoolean_doesNotCompile() {
        List<Error> errors = compile("        autumn.track(\"c1\", BooleanFlag.of(\"sso\"), 1);\n");

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.code()).isEqualTo("compiler.err.cant.apply.symbols");
            assertThat(e.message())
                    .startsWith("no suitable method found for"
                            + " track(java.lang.String,dev.autumncatalog.client.BooleanFlag,int)\n")
                    .contains("(argument mismatch; dev.autumncatalog.client.BooleanFlag cannot be converted to"
                            + " dev.autumncatalog.client.Trackable)");
        });
    }

    @Test
    void trackRequestOfACreditSystem_doesNotCompile() {
        List<Error> errors =
                compile("        autumn.track(TrackRequest.of(\"c1\", CreditSystem.of(\"credits\"), 5));\n");

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("compiler.err.cant.apply.symbols");
            assertThat(e.message())
                    .startsWith(
                            "no suitable method found for of(java.lang.String,dev.autumncatalog.client.CreditSystem,int)\n");
        });
    }

    @Test
    void trackableHandleOfABoolean_doesNotCompile() {
        assertThat(compile("        Trackable t = BooleanFlag.of(\"sso\");\n"))
                .containsExactly(new Error(
                        1,
                        "compiler.err.prob.found.req",
                        "incompatible types: dev.autumncatalog.client.BooleanFlag cannot be converted to"
                                + " dev.autumncatalog.client.Trackable"));
    }
}
