package dev.autumncatalog.examples.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.client.BooleanFlag;
import dev.autumncatalog.client.CreditSystem;
import dev.autumncatalog.client.MeteredFeature;
import dev.autumncatalog.examples.billing.autumn.Credits;
import dev.autumncatalog.examples.billing.autumn.FeatureId;
import dev.autumncatalog.examples.billing.autumn.FeatureKind;
import dev.autumncatalog.examples.billing.autumn.Features;
import dev.autumncatalog.examples.billing.autumn.Flags;
import dev.autumncatalog.examples.billing.autumn.Metered;
import dev.autumncatalog.examples.billing.autumn.ProductId;
import dev.autumncatalog.examples.billing.autumn.Products;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The constants and typed handles this service relies on, as generated from the pricing catalog by autumn:generate
 * (with {@code <generateHandles>true</generateHandles>}).
 */
class GeneratedConstantsTest {
    /** Compiles only because the ids are compile-time constants. */
    private static String unit(String featureId) {
        switch (featureId) {
            case Features.API_CALLS:
                return "calls";
            case Features.AI_TOKENS:
                return "tokens";
            default:
                return "units";
        }
    }

    @Test
    void stringConstants_holdTheCatalogIds() {
        assertThat(Features.API_CALLS).isEqualTo("api_calls");
        assertThat(Features.AI_TOKENS).isEqualTo("ai_tokens");
        assertThat(Products.FREE).isEqualTo("free");
        assertThat(Products.PRO).isEqualTo("pro");
        assertThat(unit("ai_tokens")).isEqualTo("tokens");
    }

    @Test
    void enums_mapIdsBothWays() {
        assertThat(FeatureId.fromId("api_calls")).contains(FeatureId.API_CALLS);
        assertThat(FeatureId.API_CALLS.kind()).isEqualTo(FeatureKind.SINGLE_USE);
        assertThat(FeatureId.AI_TOKENS.id()).isEqualTo(Features.AI_TOKENS);
        assertThat(FeatureId.fromId("no_such_feature")).isEqualTo(Optional.empty());
        assertThat(ProductId.fromId(Products.PRO)).contains(ProductId.PRO);
        assertThat(ProductId.FREE.displayName()).isEqualTo("Free");
    }

    @Test
    void handles_haveTheClientTypeOfTheirKind() {
        assertThat(Metered.API_CALLS).isEqualTo(MeteredFeature.of("api_calls"));
        assertThat(Metered.AI_TOKENS).isEqualTo(MeteredFeature.of("ai_tokens"));
        assertThat(Metered.SEATS).isEqualTo(MeteredFeature.of("seats"));
        assertThat(Flags.SSO).isEqualTo(BooleanFlag.of("sso"));
        assertThat(Credits.CREDITS).isEqualTo(CreditSystem.of("credits"));
    }
}
