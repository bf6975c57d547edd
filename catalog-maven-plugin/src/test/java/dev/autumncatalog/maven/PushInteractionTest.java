package dev.autumncatalog.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.autumncatalog.dsl.Autumn;
import dev.autumncatalog.engine.CatalogEngine;
import dev.autumncatalog.engine.CatalogSource;
import dev.autumncatalog.engine.EngineListener;
import dev.autumncatalog.engine.Environment;
import dev.autumncatalog.engine.PlanRequest;
import dev.autumncatalog.engine.PushCancelledException;
import dev.autumncatalog.engine.PushRequest;
import dev.autumncatalog.engine.SecretKey;
import dev.autumncatalog.engine.Target;
import dev.autumncatalog.engine.push.Interaction;
import dev.autumncatalog.sandbox.AutumnSandbox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README: "In an interactive build a live push also asks for confirmation." The console answers through {@link
 * PushMojo#interaction(boolean, java.util.function.UnaryOperator)}; the engine asks it before a live push.
 */
class PushInteractionTest {
    // Built at run time so no live-key-shaped literal is committed.
    private static final String LIVE_KEY = "am_sk_live_" + "PushInteractionTest0123456789abcd";

    @Test
    void interaction_onlyAnAnswerStartingWithY_isAYes_andBatchNeverAsks() {
        List<String> asked = new ArrayList<>();
        Interaction console = PushMojo.interaction(true, question -> {
            asked.add(question);
            return asked.size() == 1 ? " Yes" : "no";
        });

        assertThat(console.interactive()).isTrue();
        assertThat(console.confirm("first?")).isTrue();
        assertThat(console.confirm("second?")).isFalse();
        assertThat(PushMojo.interaction(true, question -> null).confirm("closed console?"))
                .isFalse();
        assertThat(PushMojo.interaction(false, question -> {
                    throw new AssertionError("asked in batch mode");
                }))
                .isSameAs(Interaction.BATCH);
    }

    @Test
    void livePush_declinedAtTheConsole_changesNothing() {
        try (AutumnSandbox live = AutumnSandbox.builder().secretKeys(LIVE_KEY).start()) {
            Target target = Target.api(live.baseUrl(), SecretKey.of(LIVE_KEY, "test"), Environment.LIVE);
            CatalogSource catalog = CatalogSource.of(
                    Autumn.catalog(Autumn.feature("sso").name("SSO").booleanFlag()), "com.example.Pricing");
            List<String> asked = new ArrayList<>();
            PushRequest push = PushRequest.of(PlanRequest.of(catalog, target))
                    .interaction(PushMojo.interaction(true, question -> {
                        asked.add(question);
                        return "n";
                    }));

            assertThatThrownBy(() -> CatalogEngine.create(MavenFrontEnd.GOALS, EngineListener.NONE)
                            .push(push))
                    .isInstanceOf(PushCancelledException.class);
            assertThat(asked).containsExactly("Push 1 changes to LIVE Autumn?");
            assertThat(live.requests()).allMatch(request -> request.path().endsWith(".list"));
        }
    }
}
