package dev.autumncatalog.engine.pull;

import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.engine.AutumnTarget;
import dev.autumncatalog.engine.autumn.ClientListener;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.PlanOptions;
import dev.autumncatalog.engine.push.CatalogSync;
import dev.autumncatalog.engine.push.PushOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The law of STYLE.md: push a catalog to the local sandbox over HTTP, pull it, compile it, and planning the pulled
 * catalog against Autumn changes nothing.
 */
class PullFromSandboxTest {
    @TempDir
    Path work;

    @Test
    void pushThenPull_pulledCatalogPlansEmptyAgainstAutumn() throws IOException {
        try (AutumnTarget autumn = AutumnTarget.localSandbox(work.resolve("sandbox.json"), null, ClientListener.NONE)) {
            CatalogSync sync = new CatalogSync(autumn.api(), MAVEN_LIKE);
            PlanOptions options = PlanOptions.defaults(autumn.description(), false);
            sync.push(sync.plan(RichCatalog.CATALOG, options), PushOptions.batch());

            PullResult result = new PullService()
                    .pull(autumn.api(), PullRequest.of(PullOptions.of("com.example.pricing"), work.resolve("pulled")));

            assertThat(result.notes()).isEmpty();
            Path file = work.resolve("pulled/com/example/pricing/PulledCatalog.java");
            assertThat(result.written()).containsExactly(file);
            ClassLoader loader = PulledSourceCompiler.compile(
                    Map.of("com/example/pricing/PulledCatalog.java", Files.readString(file)), work.resolve("javac"));
            Catalog pulled = PulledSourceCompiler.define(loader, "com.example.pricing.PulledCatalog");
            Plan again = sync.plan(pulled, options);
            assertThat(again.changes()).as("plan of the pulled catalog").isEmpty();
            assertThat(pulled.features()).containsExactlyInAnyOrderElementsOf(RichCatalog.CATALOG.features());
            assertThat(pulled.products()).hasSameSizeAs(RichCatalog.CATALOG.products());
        }
    }
}
