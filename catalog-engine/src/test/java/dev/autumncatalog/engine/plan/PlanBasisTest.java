package dev.autumncatalog.engine.plan;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.engine.autumn.RemoteCatalog;
import dev.autumncatalog.engine.autumn.RemotePlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fingerprints taken apart (on another thread) make the same basis as taken together. */
class PlanBasisTest {
    private static final Catalog PRO =
            catalog(product("pro").name("Pro").item(priceItem(20).monthly()));
    private static final Catalog PRO_25 =
            catalog(product("pro").name("Pro").item(priceItem(25).monthly()));
    private static final RemoteCatalog EMPTY = new RemoteCatalog(List.of(), List.of());

    @Test
    void of_fingerprints_isTheBasisOfTheValues() {
        LiveFacts facts = new LiveFacts(Map.of(), Map.of("pro", true), Map.of());

        assertThat(PlanBasis.of(PlanBasis.fingerprint(PRO), PlanBasis.fingerprint(EMPTY), facts))
                .isEqualTo(PlanBasis.of(PRO, EMPTY, facts));
    }

    @Test
    void fingerprint_ofALoneSurrogate_isNotTheFingerprintOfAQuestionMark() {
        // UTF-8 has no form for "\uD800"; a lenient encoding writes '?' for it.
        RemoteCatalog lone =
                new RemoteCatalog(List.of(), List.of(new RemotePlan("p", null, false, 1, List.of("\uD800"))));
        RemoteCatalog mark = new RemoteCatalog(List.of(), List.of(new RemotePlan("p", null, false, 1, List.of("?"))));

        assertThat(PlanBasis.fingerprint(lone)).matches("[0-9a-f]{16}").isNotEqualTo(PlanBasis.fingerprint(mark));
        assertThat(PlanBasis.fingerprint(lone)).isEqualTo(PlanBasis.fingerprint(lone));
    }

    @Test
    void fingerprint_isSixteenHexDigits_andFollowsTheValue() {
        assertThat(PlanBasis.fingerprint(PRO)).matches("[0-9a-f]{16}").isEqualTo(PlanBasis.fingerprint(PRO));
        assertThat(PlanBasis.fingerprint(PRO)).isNotEqualTo(PlanBasis.fingerprint(PRO_25));
    }
}
