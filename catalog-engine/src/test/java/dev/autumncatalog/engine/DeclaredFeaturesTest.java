package dev.autumncatalog.engine;

import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.engine.fixtures.DeclaredFeatureFixtures;
import dev.autumncatalog.engine.plan.Change;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 7: removing a product must not delete a feature the code still declares, though only that product
 * used it and {@code catalog(...)} never listed it; the plan says it is kept and why.
 */
class DeclaredFeaturesTest {
    @TempDir
    Path work;

    private final CatalogEngine engine = CatalogEngine.create(MAVEN_LIKE, EngineListener.NONE);

    private Pushed pushWithRemovals(Class<?> catalogClass) {
        return engine.push(PushRequest.of(PlanRequest.of(
                        CatalogSource.named(catalogClass.getName(), List.of()),
                        Target.localSandbox(work.resolve("sandbox.json")))
                .decisions(Decisions.SAFE.allowRemovals(true))));
    }

    @Test
    void productRemoved_featureStillDeclared_isKept_andThePlanSaysWhy() {
        pushWithRemovals(DeclaredFeatureFixtures.WithPro.class);

        Pushed pushed = pushWithRemovals(DeclaredFeatureFixtures.ProGoneSsoDeclared.class);

        assertThat(pushed.plan().changes()).extracting(Change::headline).containsExactly("- plan pro");
        assertThat(pushed.plan().warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.id()).isEqualTo("sso");
            assertThat(warning.message())
                    .isEqualTo("kept in Autumn: the code still declares it (ProGoneSsoDeclared.SSO) though no"
                            + " product uses it and the catalog does not list it. List it in the catalog to"
                            + " keep it on purpose, or delete the constant to remove it.");
        });
    }

    @Test
    void productRemoved_featureNoLongerDeclared_isRemovedWithIt() {
        pushWithRemovals(DeclaredFeatureFixtures.WithPro.class);

        Pushed pushed = pushWithRemovals(DeclaredFeatureFixtures.ProAndSsoGone.class);

        assertThat(pushed.plan().changes()).extracting(Change::headline).containsExactly("- plan pro", "- feature sso");
    }
}
