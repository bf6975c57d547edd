package dev.autumncatalog.dsl;

import static dev.autumncatalog.dsl.Autumn.cost;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.freeTrial;
import static dev.autumncatalog.dsl.Autumn.lastTier;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.rollover;
import static dev.autumncatalog.dsl.Autumn.tier;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The factories of {@link Autumn} and the values their steps build. */
class AutumnTest {
    static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
    static final Feature AI_TOKENS = feature("ai_tokens").name("AI Tokens").singleUse();
    static final Feature SEATS = feature("seats").name("Seats").continuousUse();

    @Test
    void feature_eachKind() {
        assertThat(feature("sso").name("SSO").booleanFlag()).isEqualTo(new BooleanFeature("sso", "SSO"));
        assertThat(API_CALLS).isEqualTo(new MeteredFeature("api_calls", "API Calls", true));
        assertThat(SEATS).isEqualTo(new MeteredFeature("seats", "Seats", false));
        assertThat(feature("credits").name("Credits").creditSystem(cost(API_CALLS, 1)))
                .isEqualTo(new CreditSystem("credits", "Credits", List.of(new CreditCost(API_CALLS, BigDecimal.ONE))));
    }

    @Test
    void feature_types() {
        assertThat(feature("sso").name("SSO").booleanFlag().type()).isEqualTo(FeatureType.BOOLEAN);
        assertThat(API_CALLS.type()).isEqualTo(FeatureType.SINGLE_USE);
        assertThat(SEATS.type()).isEqualTo(FeatureType.CONTINUOUS_USE);
        assertThat(feature("c").name("C").creditSystem(cost(API_CALLS, 1)).type())
                .isEqualTo(FeatureType.CREDIT_SYSTEM);
        assertThat(API_CALLS.creditSchema()).isEmpty();
    }

    @Test
    void priceItem_long_isExact() {
        PriceItem price = priceItem(10).monthly();

        assertThat(price.amount()).isEqualTo(new BigDecimal("10"));
        assertThat(price.amount().scale()).isZero();
        assertThat(price.billing()).isEqualTo(Cycle.of(Interval.MONTH));
    }

    @Test
    void priceItem_string_isExact() {
        assertThat(priceItem("9.99").yearly().amount()).isEqualTo(new BigDecimal("9.99"));
    }

    @Test
    void priceItem_bigDecimal_isExact() {
        assertThat(priceItem(new BigDecimal("9.99")).oneOff())
                .isEqualTo(new PriceItem(new BigDecimal("9.99"), Cycle.ONE_OFF))
                .isEqualTo(priceItem("9.99").oneOff());
    }

    @Test
    void priceItem_tenEqualsTenPointZeroZero() {
        assertThat(priceItem(10).monthly())
                .isEqualTo(priceItem("10.00").monthly())
                .isEqualTo(priceItem(new BigDecimal("10.0")).monthly())
                .isEqualTo(priceItem(new BigDecimal("1E+1")).monthly());
        assertThat(priceItem("10.00").monthly().amount().toPlainString()).isEqualTo("10");
    }

    @Test
    void priceItem_everyStep() {
        assertThat(priceItem(1).weekly().billing()).isEqualTo(Cycle.of(Interval.WEEK));
        assertThat(priceItem(1).quarterly().billing()).isEqualTo(Cycle.of(Interval.QUARTER));
        assertThat(priceItem(1).semiAnnually().billing()).isEqualTo(Cycle.of(Interval.SEMI_ANNUAL));
        assertThat(priceItem(1).every(3, Interval.MONTH).billing()).isEqualTo(Cycle.every(3, Interval.MONTH));
        assertThat(priceItem(1).oneOff().billing().isOneOff()).isTrue();
    }

    @Test
    void usageAmounts_areNormalised() {
        assertThat(pricedFeatureItem(API_CALLS).price("0.010").payPerUse().monthly())
                .isEqualTo(pricedFeatureItem(API_CALLS)
                        .price(new BigDecimal("0.01"))
                        .payPerUse()
                        .monthly());
        assertThat(tier(10, "5.0")).isEqualTo(tier(10, 5));
        assertThat(lastTier(new BigDecimal("2.50"))).isEqualTo(lastTier("2.5"));
        assertThat(cost(AI_TOKENS, "0.010")).isEqualTo(cost(AI_TOKENS, new BigDecimal("0.01")));
        assertThat(cost(API_CALLS, 2)).isEqualTo(cost(API_CALLS, "2.00"));
    }

    @Test
    void tier_flat_zeroIsNoFlatAmount() {
        assertThat(tier(10, 5).flat(0)).isEqualTo(tier(10, 5));
        assertThat(tier(10, 5).flat("20.50").flatAmount()).isEqualTo(new BigDecimal("20.5"));
        assertThat(lastTier(1).flat(new BigDecimal("3")).isUnbounded()).isTrue();
    }

    @Test
    void featureItem_defaultsAndSteps() {
        assertThat(featureItem(API_CALLS)).isEqualTo(new FeatureItem(API_CALLS, 0, false, null, null));
        assertThat(featureItem(API_CALLS).included(10).monthly())
                .isEqualTo(new FeatureItem(API_CALLS, 10, false, Cycle.of(Interval.MONTH), null));
        assertThat(featureItem(API_CALLS).unlimited()).isEqualTo(new FeatureItem(API_CALLS, 0, true, null, null));
        assertThat(featureItem(API_CALLS).included(1).perEntity(SEATS).entityFeature())
                .isEqualTo(SEATS);
        assertThat(featureItem(API_CALLS).hourly().reset()).isEqualTo(Cycle.of(Interval.HOUR));
        assertThat(featureItem(API_CALLS).daily().reset()).isEqualTo(Cycle.of(Interval.DAY));
        assertThat(featureItem(API_CALLS).weekly().reset()).isEqualTo(Cycle.of(Interval.WEEK));
        assertThat(featureItem(API_CALLS).quarterly().reset()).isEqualTo(Cycle.of(Interval.QUARTER));
        assertThat(featureItem(API_CALLS).semiAnnually().reset()).isEqualTo(Cycle.of(Interval.SEMI_ANNUAL));
        assertThat(featureItem(API_CALLS).yearly().reset()).isEqualTo(Cycle.of(Interval.YEAR));
        assertThat(featureItem(API_CALLS).noReset().reset()).isSameAs(Cycle.ONE_OFF);
        assertThat(featureItem(API_CALLS).resetEvery(15, Interval.MINUTE).reset())
                .isEqualTo(Cycle.every(15, Interval.MINUTE));
        assertThat(featureItem(API_CALLS).label()).isEqualTo("feature api_calls");
    }

    @Test
    void featureItem_stepsReturnNewItems() {
        FeatureItem item = featureItem(API_CALLS);
        FeatureItem monthly = item.included(5).monthly();

        assertThat(item).isEqualTo(new FeatureItem(API_CALLS, 0, false, null, null));
        assertThat(monthly).isNotSameAs(item);
    }

    @Test
    void pricedFeatureItem_defaultsAndSteps() {
        PricedFeatureItem seats = pricedFeatureItem(SEATS).price(10).prepaid().monthly();

        assertThat(seats)
                .isEqualTo(new PricedFeatureItem(
                        SEATS,
                        0,
                        new PerUnitPrice(BigDecimal.TEN),
                        1,
                        BillingMethod.PREPAID,
                        Cycle.of(Interval.MONTH),
                        null,
                        null,
                        null,
                        null,
                        null));
        assertThat(seats.effectiveReset()).isEqualTo(Cycle.of(Interval.MONTH));
        assertThat(seats.label()).isEqualTo("priced feature seats");

        PricedFeatureItem pack = pricedFeatureItem(API_CALLS)
                .included(100)
                .tiers(tier(1_000, "0.02"), lastTier("0.01"))
                .per(100)
                .prepaid()
                .yearly()
                .resetEvery(1, Interval.MONTH)
                .maxPurchase(50_000)
                .rollover(rollover().upToPercent(50).forMonths(2))
                .prorate(OnIncrease.PRORATE_NEXT_CYCLE, OnDecrease.NONE)
                .perEntity(SEATS);

        assertThat(pack)
                .isEqualTo(new PricedFeatureItem(
                        API_CALLS,
                        100,
                        new TieredPrice(
                                List.of(
                                        new Tier(1_000L, new BigDecimal("0.02"), null),
                                        new Tier(null, new BigDecimal("0.01"), null)),
                                TierBehavior.GRADUATED),
                        100,
                        BillingMethod.PREPAID,
                        Cycle.of(Interval.YEAR),
                        Cycle.of(Interval.MONTH),
                        50_000L,
                        new Rollover(null, new BigDecimal("50"), 2),
                        new Proration(OnIncrease.PRORATE_NEXT_CYCLE, OnDecrease.NONE),
                        SEATS));
        assertThat(pack.effectiveReset()).isEqualTo(Cycle.of(Interval.MONTH));
        assertThat(pricedFeatureItem(API_CALLS)
                        .price(1)
                        .prepaid()
                        .oneOff()
                        .noReset()
                        .reset())
                .isSameAs(Cycle.ONE_OFF);
        assertThat(((TieredPrice) pricedFeatureItem(SEATS)
                                .volumeTiers(tier(10, 5), lastTier(4))
                                .prepaid()
                                .monthly()
                                .price())
                        .behavior())
                .isEqualTo(TierBehavior.VOLUME);
    }

    @Test
    void pricedFeatureItem_billingSteps() {
        PricedFeatureStep.Billing billing =
                pricedFeatureItem(API_CALLS).price(1).payPerUse();

        assertThat(billing.weekly().billing()).isEqualTo(Cycle.of(Interval.WEEK));
        assertThat(billing.quarterly().billing()).isEqualTo(Cycle.of(Interval.QUARTER));
        assertThat(billing.semiAnnually().billing()).isEqualTo(Cycle.of(Interval.SEMI_ANNUAL));
        assertThat(billing.yearly().billing()).isEqualTo(Cycle.of(Interval.YEAR));
        assertThat(billing.every(2, Interval.WEEK).billing()).isEqualTo(Cycle.every(2, Interval.WEEK));
        assertThat(billing.monthly().billingMethod()).isEqualTo(BillingMethod.PAY_PER_USE);
    }

    @Test
    void freeTrial_steps() {
        assertThat(freeTrial(14).days()).isEqualTo(new FreeTrial(14, FreeTrial.Unit.DAY, true));
        assertThat(freeTrial(1).months().noCardRequired()).isEqualTo(new FreeTrial(1, FreeTrial.Unit.MONTH, false));
        assertThat(freeTrial(1).years().unit().word()).isEqualTo("year");
    }

    @Test
    void rollover_steps() {
        assertThat(rollover().upTo(500).forMonths(1)).isEqualTo(new Rollover(500L, null, 1));
        assertThat(rollover().upToPercent(50).forever()).isEqualTo(new Rollover(null, new BigDecimal("50"), 0));
        assertThat(rollover().upToPercent(50).forever().isForever()).isTrue();
    }

    @Test
    void cycle_readableForm() {
        assertThat(Cycle.ONE_OFF).hasToString("one-off");
        assertThat(Cycle.of(Interval.MONTH)).hasToString("month");
        assertThat(Cycle.every(3, Interval.MONTH)).hasToString("3 months");
        assertThat(new Cycle(null, 1)).isEqualTo(Cycle.ONE_OFF);
    }

    @Test
    void interval_billableFromWeekOn() {
        assertThat(Stream.of(Interval.values()).filter(Interval::isBillable))
                .containsExactly(Interval.WEEK, Interval.MONTH, Interval.QUARTER, Interval.SEMI_ANNUAL, Interval.YEAR);
        assertThat(Interval.SEMI_ANNUAL.word()).isEqualTo("semi_annual");
    }

    @Test
    void noDoubleOrFloatAnywhereInThePublicApi() throws IOException, URISyntaxException {
        List<String> offenders = new ArrayList<>();
        for (Class<?> type : publicDslTypes()) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers())) {
                    check(type.getSimpleName() + "." + method.getName(), method.getGenericReturnType(), offenders);
                    for (Type parameter : method.getGenericParameterTypes()) {
                        check(type.getSimpleName() + "." + method.getName(), parameter, offenders);
                    }
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                for (Type parameter : constructor.getGenericParameterTypes()) {
                    check(type.getSimpleName() + "()", parameter, offenders);
                }
            }
            for (Field field : type.getDeclaredFields()) {
                check(type.getSimpleName() + "." + field.getName(), field.getGenericType(), offenders);
            }
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    check(type.getSimpleName() + "." + component.getName(), component.getGenericType(), offenders);
                }
            }
        }

        assertThat(publicDslTypes()).hasSizeGreaterThan(30);
        assertThat(offenders).isEmpty();
    }

    private static void check(String where, Type type, List<String> offenders) {
        String name = type.getTypeName();
        if (name.matches(".*\\b(double|float|java\\.lang\\.Double|java\\.lang\\.Float)\\b.*")) {
            offenders.add(where + ": " + name);
        }
    }

    /** Every class compiled from {@code dev.autumncatalog.dsl} and its sub-packages. */
    static List<Class<?>> publicDslTypes() throws IOException, URISyntaxException {
        Path root = Path.of(
                Autumn.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root.resolve("dev/autumncatalog/dsl"))) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file ->
                            root.relativize(file).toString().replace('/', '.').replace(".class", ""))
                    .map(AutumnTest::load)
                    .collect(Collectors.toList());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void featureType_word_namesEachKindAsTheGuidesDo() {
        assertThat(java.util.Arrays.stream(FeatureType.values()).map(FeatureType::word))
                .containsExactly("boolean", "single-use", "continuous-use", "credit system");
    }
}
