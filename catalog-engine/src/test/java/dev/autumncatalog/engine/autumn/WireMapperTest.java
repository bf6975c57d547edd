package dev.autumncatalog.engine.autumn;

import static dev.autumncatalog.dsl.Autumn.lastTier;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.engine.autumn.Catalogs.API_CALLS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.dsl.TieredPrice;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both directions through the public {@link WireMapper}: whatever is written reads back the same, money exactly. */
class WireMapperTest {
    private static final Map<String, Feature> LOOKUP =
            WireMapper.featureLookup(Catalogs.all().features());

    private static void assertJson(JsonNode actual, String expected) {
        assertThat(Json.canonical(actual)).isEqualTo(Json.canonical(Json.parse(expected)));
    }

    private static String write(JsonNode node) throws Exception {
        return WireMapper.json().writeValueAsString(node);
    }

    @Test
    void warmUp_mapsItsSamplesWhole() {
        // It runs beside every goal's start. A sample the reader no longer understands would quietly warm up less
        // (the reader turns what it cannot express into "unsupported" lines); one it rejects would fail it.
        RemoteCatalog sample = WireMapper.warmUp();

        assertThat(sample.features()).singleElement().satisfies(feature -> {
            assertThat(feature.id()).isEqualTo("ai_tokens");
            assertThat(feature.model()).isNotNull();
            assertThat(feature.unsupported()).isEmpty();
            assertThat(feature.kept()).isEmpty();
        });
        assertThat(sample.plans()).singleElement().satisfies(plan -> {
            assertThat(plan.id()).isEqualTo("paid");
            assertThat(plan.model().items()).hasSize(2); // the price and the feature item
            assertThat(plan.unsupported()).isEmpty();
            assertThat(plan.kept()).isEmpty();
        });
        assertThat(WireMapper.warmUp()).isEqualTo(sample);
    }

    @Test
    void planBody_readBack_isTheSameProduct() {
        for (Product product : Catalogs.all().products()) {
            RemotePlan back = WireMapper.plan(WireMapper.planCreateBody(product), LOOKUP);
            assertThat(back.unsupported()).as(product.id()).isEmpty();
            assertThat(back.model()).as(product.id()).isEqualTo(product);
        }
    }

    @Test
    void featureBody_readBack_isTheSameFeature() {
        for (Feature feature : Catalogs.all().features()) {
            RemoteFeature back = WireMapper.feature(WireMapper.featureCreateBody(feature), LOOKUP);
            assertThat(back.unsupported()).isEmpty();
            assertThat(back.model()).isEqualTo(feature);
            assertThat(back.archived()).isFalse();
        }
    }

    @Test
    void money_neverPassesThroughDouble() throws Exception {
        BigDecimal exact = new BigDecimal("0.1234567890123456789012345678901");
        Product product = product("exact")
                .name("Exact")
                .item(pricedFeatureItem(API_CALLS)
                        .tiers(lastTier(exact))
                        .payPerUse()
                        .monthly());
        String text = write(WireMapper.planCreateBody(product));
        assertThat(text).contains("0.1234567890123456789012345678901");
        RemotePlan back = WireMapper.plan(Json.parse(text), LOOKUP);
        PricedFeatureItem item = (PricedFeatureItem) back.model().items().get(0);
        assertThat(((TieredPrice) item.price()).tiers().get(0).amount()).isEqualTo(exact);
    }
}
