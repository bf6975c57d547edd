package dev.autumncatalog.maven;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.engine.AutumnTarget;
import dev.autumncatalog.engine.autumn.ClientListener;
import dev.autumncatalog.engine.plan.PlanOptions;
import dev.autumncatalog.engine.push.CatalogSync;
import dev.autumncatalog.engine.push.PushOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Mojo against a hand-made project, pulling from the local sandbox a catalog pushed there first. */
class PullMojoTest {
    private static final Feature API_CALLS =
            feature("api_calls").name("API Calls").singleUse();
    private static final Catalog CATALOG = catalog(product("pro")
            .name("Pro")
            .item(priceItem(20).monthly())
            .item(featureItem(API_CALLS).included(10_000).monthly()));

    @TempDir
    Path basedir;

    private Path state;
    private final List<String> infos = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void pushToTheSandbox() {
        state = basedir.resolve("target/autumn/sandbox.json");
        try (AutumnTarget autumn = AutumnTarget.localSandbox(state, null, ClientListener.NONE)) {
            CatalogSync sync = new CatalogSync(autumn.api());
            sync.push(sync.plan(CATALOG, PlanOptions.defaults(autumn.description(), false)), PushOptions.batch());
        }
    }

    private PullMojo mojo() {
        MavenProject project = new MavenProject();
        project.setGroupId("com.my-org");
        project.getBuild().setDirectory(basedir.resolve("target").toString());
        project.addCompileSourceRoot(basedir.resolve("src/main/java").toString());
        project.addCompileSourceRoot(
                basedir.resolve("target/generated-sources/autumn").toString());
        PullMojo mojo = new PullMojo();
        mojo.project = project;
        mojo.target = "local";
        mojo.sandboxState = state.toFile();
        mojo.className = "PulledCatalog";
        mojo.outputDirectory = basedir.resolve("target/autumn/pulled").toFile();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }

            @Override
            public void warn(CharSequence content) {
                warnings.add(content.toString());
            }
        });
        return mojo;
    }

    @Test
    void execute_pullsIntoTargetAutumnPulledInTheGroupsPricingPackage() throws Exception {
        mojo().execute();

        Path file = basedir.resolve("target/autumn/pulled/com/my_org/pricing/PulledCatalog.java");
        assertThat(Files.readString(file))
                .startsWith("// autumn:pull sha256=")
                .contains("package com.my_org.pricing;")
                .contains("public static final Product PRO = product(\"pro\")");
        assertThat(infos.get(1)) // after the line naming the sandbox state
                .isEqualTo("Pulled the catalog of the local sandbox (a test double, not Autumn), state " + state
                        + " into " + file);
        assertThat(warnings).isEmpty();
    }

    @Test
    void execute_again_reportsTheFileUpToDate() throws Exception {
        mojo().execute();
        infos.clear();

        mojo().execute();

        assertThat(infos.get(1)) // after the line naming the sandbox state
                .endsWith("PulledCatalog.java is up to date with the local sandbox (a test double, not"
                        + " Autumn), state " + state);
    }

    @Test
    void execute_intoSrcMainJavaWithoutOverwrite_failsNamingTheProperty() {
        PullMojo mojo = mojo();
        mojo.outputDirectory = basedir.resolve("src/main/java").toFile();

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("Refusing to pull into " + basedir.resolve("src/main/java"))
                .hasMessageContaining("Set -Dautumn.pull.overwrite=true to pull into it");
        assertThat(basedir.resolve("src/main/java")).doesNotExist();
    }

    @Test
    void execute_intoSrcMainJavaWithOverwrite_writes() throws Exception {
        PullMojo mojo = mojo();
        mojo.outputDirectory = basedir.resolve("src/main/java").toFile();
        mojo.overwrite = true;
        mojo.packageName = "com.example.pricing";

        mojo.execute();

        assertThat(basedir.resolve("src/main/java/com/example/pricing/PulledCatalog.java"))
                .exists();
    }

    @Test
    void execute_intoAGeneratedSourceRootUnderTarget_needsNoOverwrite() throws Exception {
        PullMojo mojo = mojo();
        mojo.outputDirectory =
                basedir.resolve("target/generated-sources/autumn").toFile();

        mojo.execute();

        assertThat(basedir.resolve("target/generated-sources/autumn/com/my_org/pricing/PulledCatalog.java"))
                .exists();
    }

    @Test
    void execute_invalidPackageOrClass_failsNamingTheParameter() {
        PullMojo badPackage = mojo();
        badPackage.packageName = "com.example.new";
        PullMojo badClass = mojo();
        badClass.className = "Pulled-Catalog";

        assertThatThrownBy(badPackage::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<packageName> / -Dautumn.pull.packageName: 'com.example.new' is not a valid Java package"
                        + " name: 'new' is a Java keyword");
        assertThatThrownBy(badClass::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<className> / -Dautumn.pull.className: class name must be a legal Java class name such"
                        + " as 'PulledCatalog', was 'Pulled-Catalog'");
    }

    @Test
    void execute_skip_doesNothing() throws Exception {
        PullMojo mojo = mojo();
        mojo.skip = true;

        mojo.execute();

        assertThat(infos).containsExactly("Skipping autumn:pull (autumn.skip=true)");
        assertThat(basedir.resolve("target/autumn/pulled")).doesNotExist();
    }
}
