package dev.autumncatalog.engine.report;

import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.engine.text.FrontEnds.MAVEN_LIKE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.engine.autumn.PlanCustomers;
import dev.autumncatalog.engine.plan.Catalogs;
import dev.autumncatalog.engine.plan.LiveFacts;
import dev.autumncatalog.engine.plan.Plan;
import dev.autumncatalog.engine.plan.PlanOptions;
import dev.autumncatalog.engine.plan.PlanSamples;
import dev.autumncatalog.engine.plan.Planner;
import dev.autumncatalog.engine.plan.VersionPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whole plans rendered as text and JSON, compared with golden files in {@code src/test/resources/plan/golden}. To
 * accept a deliberate format change, run with {@code -Dgolden.update=true}, review the diff, and update
 * docs/PLAN-FORMAT.md (PlanFormatDocTest checks it).
 */
class PlanRendererTest {
    static final Path GOLDEN = Path.of("src/test/resources/plan/golden");

    @Test
    void render_sample_matchesGolden() throws IOException {
        assertGolden("sample.txt", PlanRenderer.render(PlanSamples.sample(), MAVEN_LIKE));
    }

    @Test
    void render_blocked_matchesGolden() throws IOException {
        assertGolden("blocked.txt", PlanRenderer.render(PlanSamples.blocked(), MAVEN_LIKE));
    }

    @Test
    void json_sample_matchesGolden() throws IOException {
        assertGolden("sample.json", PlanJson.render(PlanSamples.sample(), MAVEN_LIKE));
    }

    @Test
    void json_blocked_matchesGolden() throws IOException {
        assertGolden("blocked.json", PlanJson.render(PlanSamples.blocked(), MAVEN_LIKE));
    }

    @Test
    void render_emptyPlan_saysNoChanges() {
        Plan plan = new Plan(PlanOptions.defaults("acme", false), List.of(), List.of());

        assertThat(PlanRenderer.render(plan, MAVEN_LIKE)).isEqualTo("""
                        Autumn plan for acme (sandbox)

                        No changes. Autumn matches the catalog.
                        """);
    }

    @Test
    void render_inPlaceUpdateAndUndecidedRemovals_sayWhatWillHappen() {
        Product team = product("team")
                .name("Team 2")
                .item(priceItem(50).monthly())
                .item(featureItem(PlanSamples.SEATS).included(10));
        PlanOptions options = PlanOptions.defaults("acme", false)
                .withAllowRemovals(true)
                .withVersionPolicy(VersionPolicy.UPDATE_IN_PLACE);
        LiveFacts facts = new LiveFacts(Map.of("team", new PlanCustomers(2, true, false)), Map.of(), Map.of());

        Plan plan = new Planner()
                .plan(
                        new Catalog(List.of(), List.of(team)),
                        Catalogs.remote(Catalog.of(PlanSamples.TEAM_BEFORE, PlanSamples.LEGACY)),
                        options,
                        facts);

        assertThat(PlanRenderer.render(plan, MAVEN_LIKE)).isEqualTo("""
                        Autumn plan for acme (sandbox)

                          ~ plan team  will change version 2 of plan 'team' in place (its customers get the change)
                              name: "Team" → "Team 2"
                              items[seats].included: 5 → 10
                          - plan legacy  (archive or delete: not looked up)
                          - feature api_calls  (archive or delete: not looked up)

                        Plan: 0 to create, 1 to update, 2 to remove (0 archive, 0 delete, 2 undecided), 0 to un-archive.

                        A push would stop before changing anything:
                          ! Autumn was not asked about plan legacy (archive or delete?), feature api_calls \
                        (archive or delete?). Make the plan again with live lookups.
                        """);
    }

    static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
