package dev.autumncatalog.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.engine.InvalidCatalogException;
import dev.autumncatalog.engine.PushCancelledException;
import dev.autumncatalog.engine.StalePlanException;
import dev.autumncatalog.engine.autumn.AutumnApiException;
import dev.autumncatalog.engine.load.CatalogLoadException;
import dev.autumncatalog.engine.push.PushFailedException;
import dev.autumncatalog.engine.push.PushRefusedException;
import dev.autumncatalog.engine.push.PushResult;
import dev.autumncatalog.engine.text.FrontEnd;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 item 5: each kind of ending has its own stable word, the one CI scripts branch on. */
class OutcomeTest {

    @Test
    void of_eachFailureKind_hasItsOwnOutcome() {
        assertThat(Outcome.of(new InvalidCatalogException("P", List.of(), List.of())))
                .isEqualTo(Outcome.INVALID_CATALOG);
        assertThat(Outcome.of(new CatalogLoadException("no class", null))).isEqualTo(Outcome.CATALOG_NOT_LOADED);
        assertThat(Outcome.of(new PushRefusedException(List.of()))).isEqualTo(Outcome.REFUSED);
        assertThat(Outcome.of(new PushCancelledException())).isEqualTo(Outcome.REFUSED);
        assertThat(Outcome.of(new StalePlanException(Path.of("p.json"), List.of("x"), FrontEnd.NEUTRAL)))
                .isEqualTo(Outcome.STALE_PLAN);
        assertThat(Outcome.of(new AutumnApiException("POST", "/v1/features.list", null, 0, null, "reset", null)))
                .isEqualTo(Outcome.NETWORK_ERROR);
        assertThat(Outcome.of(new AutumnApiException("POST", "/v1/features.list", null, 500, null, "boom", null)))
                .isEqualTo(Outcome.AUTUMN_ERROR);
        assertThat(Outcome.of(new PushFailedException(PushResult.EMPTY))).isEqualTo(Outcome.PUSH_FAILED);
        assertThat(Outcome.of(new IllegalArgumentException("no key"))).isEqualTo(Outcome.CONFIGURATION);
        assertThat(Outcome.of(new IllegalStateException("?"))).isEqualTo(Outcome.ERROR);
    }

    @Test
    void words_areDistinct_andOnlyTheThreeGoodEndingsSucceed() {
        assertThat(Arrays.stream(Outcome.values()).map(Outcome::word)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(Outcome.values()).filter(Outcome::success))
                .containsExactly(Outcome.IN_SYNC, Outcome.CHANGES, Outcome.APPLIED);
        assertThat(Outcome.DRIFT.word()).isEqualTo("drift");
        assertThat(Outcome.INVALID_CATALOG.word()).isEqualTo("invalid-catalog");
        assertThat(Outcome.NETWORK_ERROR.word()).isEqualTo("network-error");
        assertThat(Outcome.REFUSED.word()).isEqualTo("refused");
    }
}
