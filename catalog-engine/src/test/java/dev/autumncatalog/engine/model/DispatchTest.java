package dev.autumncatalog.engine.model;

import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.lastTier;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.dsl.Autumn.tier;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.dsl.BooleanFeature;
import dev.autumncatalog.dsl.CreditSystem;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.MeteredFeature;
import dev.autumncatalog.dsl.PerUnitPrice;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.TieredPrice;
import dev.autumncatalog.dsl.UsagePrice;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The DSL's sealed families have no visitors, so the engine keeps one {@code instanceof} chain per family in its
 * visitors. A new kind in the DSL compiles there silently; these tests fail instead, naming the kind to add.
 */
class DispatchTest {
    private static final Feature SEATS = feature("seats").name("Seats").continuousUse();

    @Test
    void itemVisitor_namesEveryKindTheDslPermits() {
        assertThat(parameterTypes(ItemVisitor.class))
                .containsExactlyInAnyOrderElementsOf(permitted(Item.class))
                .containsExactlyInAnyOrder(PriceItem.class, FeatureItem.class, PricedFeatureItem.class);
    }

    @Test
    void usagePriceVisitor_namesEveryKindTheDslPermits() {
        assertThat(parameterTypes(UsagePriceVisitor.class))
                .containsExactlyInAnyOrderElementsOf(permitted(UsagePrice.class))
                .containsExactlyInAnyOrder(PerUnitPrice.class, TieredPrice.class);
    }

    @Test
    void featureVisitor_namesEveryKindTheDslPermits() {
        assertThat(parameterTypes(FeatureVisitor.class))
                .containsExactlyInAnyOrderElementsOf(permitted(Feature.class))
                .containsExactlyInAnyOrder(BooleanFeature.class, MeteredFeature.class, CreditSystem.class);
    }

    @Test
    void visit_callsTheMethodOfTheItemsKind() {
        ItemVisitor<String> names = new ItemVisitor<>() {
            @Override
            public String priceItem(PriceItem item) {
                return "price";
            }

            @Override
            public String featureItem(FeatureItem item) {
                return "feature";
            }

            @Override
            public String pricedFeatureItem(PricedFeatureItem item) {
                return "priced";
            }
        };
        Feature calls = feature("api_calls").name("API Calls").singleUse();

        assertThat(ItemVisitor.visit(priceItem(20).monthly(), names)).isEqualTo("price");
        assertThat(ItemVisitor.visit(featureItem(calls).included(5).monthly(), names))
                .isEqualTo("feature");
        assertThat(ItemVisitor.visit(
                        pricedFeatureItem(calls).price("0.01").payPerUse().monthly(), names))
                .isEqualTo("priced");
        assertThat(UsagePriceVisitor.visit(
                        pricedFeatureItem(calls)
                                .tiers(tier(10, 1), lastTier(2))
                                .payPerUse()
                                .monthly()
                                .price(),
                        new UsagePriceVisitor<String>() {
                            @Override
                            public String perUnit(PerUnitPrice price) {
                                return "per unit";
                            }

                            @Override
                            public String tiered(TieredPrice price) {
                                return "tiered";
                            }
                        }))
                .isEqualTo("tiered");
    }

    @Test
    void items_featuresAndEntity() {
        Feature calls = feature("api_calls").name("API Calls").singleUse();
        FeatureItem perSeat = featureItem(calls).included(5).monthly().perEntity(SEATS);

        assertThat(Items.featureIds(perSeat)).containsExactly("api_calls", "seats");
        assertThat(Items.featureIds(priceItem(20).monthly())).isEmpty();
        assertThat(Items.entityFeature(priceItem(20).monthly())).isNull();
        assertThat(Items.countOf(
                        product("p")
                                .name("P")
                                .item(perSeat)
                                .item(featureItem(calls).included(1).noReset()),
                        "api_calls"))
                .isEqualTo(2);
    }

    private static List<Class<?>> parameterTypes(Class<?> visitor) {
        return Arrays.stream(visitor.getDeclaredMethods())
                .filter(method -> !method.isSynthetic() && !java.lang.reflect.Modifier.isStatic(method.getModifiers()))
                .map(Method::getParameterTypes)
                .map(types -> (Class<?>) types[0])
                .collect(Collectors.toList());
    }

    private static List<Class<?>> permitted(Class<?> sealed) {
        return Arrays.asList(sealed.getPermittedSubclasses());
    }
}
