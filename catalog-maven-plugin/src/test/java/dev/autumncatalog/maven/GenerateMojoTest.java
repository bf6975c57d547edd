package dev.autumncatalog.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.engine.codegen.RichCatalog;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Mojo against a hand-made project whose compile classpath is this module's test classes. */
class GenerateMojoTest {
    @TempDir
    Path out;

    private final List<String> infos = new ArrayList<>();

    private GenerateMojo mojo(String catalogClass) throws URISyntaxException {
        MavenProject project = new MavenProject();
        project.setGroupId("com.my-org");
        project.getBuild()
                .setOutputDirectory(Path.of(RichCatalog.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString());
        GenerateMojo mojo = new GenerateMojo();
        mojo.project = project;
        mojo.catalogClass = catalogClass;
        mojo.outputDirectory = out.toFile();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }
        });
        return mojo;
    }

    @Test
    void execute_generatesIntoDefaultPackageAndRegistersSourceRoot() throws Exception {
        GenerateMojo mojo = mojo(RichCatalog.class.getName());

        mojo.execute();

        assertThat(mojo.project.getCompileSourceRoots()).contains(out.toString());
        assertThat(out.resolve("com/my_org/autumn/Features.java")).exists();
        assertThat(infos)
                .containsExactly("Generated 5 of 5 Autumn constant files (package com.my_org.autumn, from "
                        + RichCatalog.class.getName() + ") in " + out);
    }

    @Test
    void execute_unchangedCatalog_writesNothingButStillRegistersSourceRoot() throws Exception {
        mojo(RichCatalog.class.getName()).execute();
        infos.clear();
        File features = out.resolve("com/my_org/autumn/Features.java").toFile();
        assertThat(features.setLastModified(1_000_000_000_000L)).isTrue();

        GenerateMojo again = mojo(RichCatalog.class.getName());
        again.execute();

        assertThat(infos).containsExactly("Autumn constants up to date (5 files)");
        assertThat(features.lastModified()).isEqualTo(1_000_000_000_000L);
        assertThat(again.project.getCompileSourceRoots()).contains(out.toString());
    }

    @Test
    void execute_explicitPackage_isUsed() throws Exception {
        GenerateMojo mojo = mojo(RichCatalog.class.getName());
        mojo.packageName = "com.example.billing.autumn";

        mojo.execute();

        assertThat(out.resolve("com/example/billing/autumn/ProductId.java")).exists();
    }

    @Test
    void execute_invalidPackage_failsNamingTheParameter() throws Exception {
        GenerateMojo mojo = mojo(RichCatalog.class.getName());
        mojo.packageName = "com.example.new";

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<packageName> / -Dautumn.packageName: 'com.example.new' is not a valid Java package"
                        + " name: 'new' is a Java keyword. Use a package such as com.example.new_.");
    }

    @Test
    void execute_withoutCatalogClass_failsSayingWhatToAdd() throws Exception {
        assertThatThrownBy(mojo(null)::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("autumn:generate needs the catalog class. The catalog lives in a dependency of this"
                        + " module, so it cannot be discovered here: add"
                        + " <configuration><catalogClass>com.example.pricing.Pricing</catalogClass></configuration>"
                        + " to the plugin's generate execution, or pass"
                        + " -Dautumn.catalogClass=com.example.pricing.Pricing.");
    }

    @Test
    void execute_unknownCatalogClass_failsNamingTheParameter() throws Exception {
        assertThatThrownBy(mojo("com.example.Missing")::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Catalog class com.example.Missing was not found on the project classpath")
                .hasMessageContaining("Check the name in <catalogClass> / -Dautumn.catalogClass");
    }

    @Test
    void execute_idsClash_failsNamingIdsAndCatalogClass() throws Exception {
        assertThatThrownBy(mojo(ClashingCatalog.class.getName())::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("Cannot generate Java constants: feature ids 'apiCalls' and 'api_calls' both become the"
                        + " Java name API_CALLS; rename one of them (ids are split on '_', '-' and case changes, then"
                        + " upper-cased)\nChange the ids in dev.autumncatalog.maven.ClashingCatalog"
                        + " (<catalogClass> / -Dautumn.catalogClass).");
        assertThat(Files.exists(out.resolve("com"))).isFalse();
    }

    @Test
    void execute_generateHandlesWithTheClient_writesHandlesBesideTheConstants() throws Exception {
        GenerateMojo mojo = mojo(RichCatalog.class.getName());
        mojo.generateHandles = true;
        DefaultArtifactHandler jar = new DefaultArtifactHandler("jar");
        jar.setAddedToClasspath(true);
        DefaultArtifact client =
                new DefaultArtifact("dev.autumncatalog", "autumn-client", "0.1.0", "compile", "jar", null, jar);
        client.setFile(Path.of(dev.autumncatalog.client.MeteredFeature.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toFile());
        mojo.project.setArtifacts(Set.of(client));

        mojo.execute();

        assertThat(out.resolve("com/my_org/autumn/Metered.java"))
                .content()
                .contains("public static final MeteredFeature API_CALLS = MeteredFeature.of(Features.API_CALLS);");
        assertThat(out.resolve("com/my_org/autumn/Flags.java")).exists();
        assertThat(out.resolve("com/my_org/autumn/Credits.java")).exists();
        assertThat(infos)
                .containsExactly("Generated 8 of 8 Autumn constant files (package com.my_org.autumn, from "
                        + RichCatalog.class.getName() + ") in " + out);

        // Turned off again: the handles are stale files of this catalog class, deleted.
        infos.clear();
        GenerateMojo plain = mojo(RichCatalog.class.getName());
        plain.execute();
        assertThat(out.resolve("com/my_org/autumn/Metered.java")).doesNotExist();
        assertThat(out.resolve("com/my_org/autumn/Features.java")).exists();
    }

    @Test
    void execute_generateHandlesWithoutTheClient_failsSayingWhichDependencyToAdd() throws Exception {
        GenerateMojo mojo = mojo(RichCatalog.class.getName());
        mojo.generateHandles = true;

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<generateHandles>true</generateHandles> (-Dautumn.generate.handles=true) generates"
                        + " Metered, Flags and Credits, whose types come from the run-time client, but"
                        + " com.my-org:empty-project:jar:0 does not have it on its compile class path. Add the"
                        + " dependency <dependency><groupId>dev.autumncatalog</groupId><artifactId>autumn-client"
                        + "</artifactId></dependency>, or set <generateHandles>false</generateHandles> for the JDK-only"
                        + " constants.");
        assertThat(Files.exists(out.resolve("com"))).isFalse();
    }

    @Test
    void execute_skip_registersEarlierOutputOnly() throws Exception {
        GenerateMojo skipped = mojo(null);
        skipped.skip = true;
        skipped.execute();
        assertThat(skipped.project.getCompileSourceRoots()).contains(out.toString());
        assertThat(infos).containsExactly("Skipping autumn:generate (autumn.skip=true)");

        GenerateMojo nothingYet = mojo(null);
        nothingYet.skip = true;
        nothingYet.outputDirectory = out.resolve("missing").toFile();
        nothingYet.execute();
        assertThat(nothingYet.project.getCompileSourceRoots())
                .doesNotContain(out.resolve("missing").toString());
    }
}
