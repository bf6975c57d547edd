package dev.autumncatalog.engine.codegen;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.feature;
import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.JavaFile;
import dev.autumncatalog.dsl.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedSourcesTest {
    private static final String ORIGIN = "com.example.Pricing";
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

    @TempDir
    Path out;

    private static List<JavaFile> generate(String packageName, Catalog catalog) {
        return new ConstantsGenerator(packageName, ORIGIN, ConstantsGeneratorTest.GENERATOR).generate(catalog);
    }

    private static Catalog catalogWith(String featureId) {
        return catalog(feature(featureId).name("F").booleanFlag());
    }

    @Test
    void write_firstTime_writesEveryFile() throws IOException {
        GeneratedSources.Result result = GeneratedSources.write(generate("a.b", catalogWith("sso")), out, ORIGIN);

        assertThat(result.written()).hasSize(5);
        assertThat(result.upToDate()).isFalse();
        assertThat(out.resolve("a/b/Features.java")).exists();
        assertThat(Files.readString(out.resolve("a/b/Features.java"))).contains("String SSO = \"sso\";");
    }

    @Test
    void write_unchangedCatalog_touchesNothing() throws IOException {
        GeneratedSources.write(generate("a.b", catalogWith("sso")), out, ORIGIN);
        Path features = out.resolve("a/b/Features.java");
        Files.setLastModifiedTime(features, LONG_AGO);

        GeneratedSources.Result again = GeneratedSources.write(generate("a.b", catalogWith("sso")), out, ORIGIN);

        assertThat(again.upToDate()).isTrue();
        assertThat(again.unchanged()).hasSize(5);
        assertThat(again.fileCount()).isEqualTo(5);
        assertThat(Files.getLastModifiedTime(features)).isEqualTo(LONG_AGO);
    }

    @Test
    void write_changedFeature_rewritesOnlyWhatChanged() throws IOException {
        GeneratedSources.write(generate("a.b", catalogWith("sso")), out, ORIGIN);
        Path kind = out.resolve("a/b/FeatureKind.java");
        Files.setLastModifiedTime(kind, LONG_AGO);

        GeneratedSources.Result result = GeneratedSources.write(generate("a.b", catalogWith("saml")), out, ORIGIN);

        assertThat(result.written())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("FeatureId.java", "Features.java");
        assertThat(Files.getLastModifiedTime(kind)).isEqualTo(LONG_AGO);
    }

    @Test
    void write_packageChanged_deletesOwnStaleFilesOnly() throws IOException {
        GeneratedSources.write(generate("old.pkg", catalogWith("sso")), out, ORIGIN);
        Path foreign =
                Files.writeString(out.resolve("old/pkg/Handwritten.java"), "package old.pkg;\nclass Handwritten {}\n");
        Path otherCatalog = out.resolve("other/Features.java");
        Files.createDirectories(otherCatalog.getParent());
        Files.writeString(
                otherCatalog, ConstantsGenerator.header(ConstantsGeneratorTest.GENERATOR, "com.example.Other") + "\n");

        GeneratedSources.Result result = GeneratedSources.write(generate("fresh.pkg", catalogWith("sso")), out, ORIGIN);

        assertThat(result.deleted())
                .extracting(p -> out.relativize(p).toString().replace('\\', '/'))
                .containsExactly(
                        "old/pkg/FeatureId.java",
                        "old/pkg/FeatureKind.java",
                        "old/pkg/Features.java",
                        "old/pkg/ProductId.java",
                        "old/pkg/Products.java");
        assertThat(foreign).exists();
        assertThat(otherCatalog).exists();
        assertThat(out.resolve("fresh/pkg/Features.java")).exists();
    }

    @Test
    void write_staleFilesOfAnotherGenerator_fromTheSameCatalog_areOursToDelete() throws IOException {
        // The header names the front end that generated it; the catalog class alone says whose files they are.
        Files.createDirectories(out.resolve("old/pkg"));
        Path gradle = Files.writeString(
                out.resolve("old/pkg/Features.java"),
                ConstantsGenerator.header("autumn-gradle-plugin", ORIGIN) + "\npackage old.pkg;\n");

        GeneratedSources.Result result = GeneratedSources.write(generate("fresh.pkg", catalogWith("sso")), out, ORIGIN);

        assertThat(result.deleted()).containsExactly(gradle);
    }
}
