package dev.autumncatalog.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.engine.plan.PlanSamples;
import dev.autumncatalog.engine.report.PlanRenderer;
import dev.autumncatalog.engine.text.FrontEnds;
import dev.autumncatalog.engine.text.Operation;
import dev.autumncatalog.engine.text.Setting;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Maven words of engine messages: what a Maven user reads, and only properties the plugin reads. */
class MavenFrontEndTest {
    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    private static final Path ENGINE_GOLDEN = Path.of("../catalog-engine/src/test/resources/plan/golden");

    @Test
    void words_areTheOnesTheEngineTestsAndGoldenFilesShow() {
        for (Setting setting : Setting.values()) {
            assertThat(MavenFrontEnd.GOALS.setting(setting))
                    .as("%s", setting)
                    .isEqualTo(FrontEnds.MAVEN_LIKE.setting(setting));
            assertThat(MavenFrontEnd.GOALS.assignment(setting, "x"))
                    .isEqualTo(FrontEnds.MAVEN_LIKE.assignment(setting, "x"));
        }
        for (Operation operation : Operation.values()) {
            assertThat(MavenFrontEnd.GOALS.command(operation)).isEqualTo(FrontEnds.MAVEN_LIKE.command(operation));
        }
        assertThat(MavenFrontEnd.GOALS.generator()).isEqualTo(FrontEnds.MAVEN_LIKE.generator());
        assertThat(MavenFrontEnd.GOALS.buildDirectory()).isEqualTo(FrontEnds.MAVEN_LIKE.buildDirectory());
    }

    @Test
    void blockedPlan_readsAsBeforeTheEngineLostItsMavenWords() throws Exception {
        String golden = Files.readString(ENGINE_GOLDEN.resolve("blocked.txt"), StandardCharsets.UTF_8);

        assertThat(PlanRenderer.render(PlanSamples.blocked(), MavenFrontEnd.GOALS))
                .isEqualTo(golden)
                .contains("Add them back to the catalog, or allow removals with -Dautumn.allowRemovals=true.")
                .contains("Choose -Dautumn.versionPolicy=create-version (existing customers keep their version) or"
                        + " -Dautumn.versionPolicy=update-in-place (they get the change too).")
                .contains("Allow it with -Dautumn.dropUnsupported=true, or make these changes in the Autumn"
                        + " dashboard.");
    }

    @Test
    void everySettingNamed_isAPropertyThePluginReads() throws Exception {
        String descriptor = Files.readString(DESCRIPTOR);

        for (Setting setting : Setting.values()) {
            assertThat(descriptor)
                    .as("the plugin descriptor reads ${%s}", MavenFrontEnd.property(setting))
                    .contains("${" + MavenFrontEnd.property(setting) + "}");
        }
    }

    @Test
    void generate_namesTheCatalogClassOfItsExecution() {
        assertThat(MavenFrontEnd.GENERATE.setting(Setting.CATALOG_CLASS))
                .isEqualTo("<catalogClass> / -Dautumn.catalogClass");
    }
}
