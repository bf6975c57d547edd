package dev.autumncatalog.examples.pricing;

import static dev.autumncatalog.examples.pricing.Features.AI_TOKENS;
import static dev.autumncatalog.examples.pricing.Features.API_CALLS;
import static dev.autumncatalog.examples.pricing.Features.CREDITS;
import static dev.autumncatalog.examples.pricing.Features.SEATS;
import static dev.autumncatalog.examples.pricing.Features.SSO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autumncatalog.dsl.BillingMethod;
import dev.autumncatalog.dsl.BooleanFeature;
import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.CreditSystem;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.FeatureType;
import dev.autumncatalog.dsl.FreeTrial;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.dsl.MeteredFeature;
import dev.autumncatalog.dsl.PerUnitPrice;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Product;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each scenario of the Autumn guides, as exact model values, and the catalog as a whole. */
class PricingTest {
    static final Cycle MONTHLY = Cycle.of(Interval.MONTH);

    static FeatureItem allowance(Feature feature, long included, Cycle reset) {
        return new FeatureItem(feature, included, false, reset, null);
    }

    static PriceItem price(String amount, Cycle billing) {
        return new PriceItem(new BigDecimal(amount), billing);
    }

    final Catalog catalog = new Pricing().define();

    @Test
    void catalog_isValid() {
        assertThat(catalog.validate()).isEmpty();
        assertThat(catalog.requireValid()).isSameAs(catalog);
    }

    @Test
    void catalog_hasStableIdsInOrder() {
        assertThat(catalog.features())
                .extracting(Feature::id)
                .containsExactly("api_calls", "ai_tokens", "seats", "sso", "credits");
        assertThat(catalog.products())
                .extracting(Product::id)
                .containsExactly("free", "pro", "business", "flex", "api_call_pack", "sso_add_on", "credit_pack");
    }

    @Test
    void catalog_isTheThreePartsCombined() {
        assertThat(catalog.products())
                .containsExactly(
                        Plans.FREE,
                        Plans.PRO,
                        Plans.BUSINESS,
                        Plans.FLEX,
                        AddOns.API_CALL_PACK,
                        AddOns.SSO_ADD_ON,
                        AddOns.CREDIT_PACK);
        assertThat(catalog.features()).containsExactlyElementsOf(Features.CATALOG.features());
        assertThat(Plans.CATALOG.features()).containsExactly(API_CALLS, AI_TOKENS, SEATS, SSO, CREDITS);
    }

    @Test
    void pricing_hasAPublicNoArgConstructor() throws ReflectiveOperationException {
        assertThat(Modifier.isPublic(Pricing.class.getConstructor().getModifiers()))
                .isTrue();
        assertThat(Pricing.class.getConstructor().newInstance().define()).isEqualTo(catalog);
    }

    @Test
    void features_oneOfEachKind() {
        assertThat(API_CALLS).isEqualTo(new MeteredFeature("api_calls", "API Calls", true));
        assertThat(AI_TOKENS).isEqualTo(new MeteredFeature("ai_tokens", "AI Tokens", true));
        assertThat(SEATS).isEqualTo(new MeteredFeature("seats", "Seats", false));
        assertThat(SSO).isEqualTo(new BooleanFeature("sso", "Single sign-on"));
    }

    @Test
    void creditSystem_overTheTwoSingleUseFeatures() {
        assertThat(CREDITS)
                .isEqualTo(new CreditSystem(
                        "credits",
                        "Credits",
                        List.of(
                                new CreditCost(API_CALLS, BigDecimal.ONE),
                                new CreditCost(AI_TOKENS, new BigDecimal("0.01")))));
        assertThat(CREDITS.creditSchema())
                .extracting(cost -> cost.feature().type())
                .containsOnly(FeatureType.SINGLE_USE);
    }

    @Test
    void defaultFreePlan() {
        assertThat(Plans.FREE)
                .isEqualTo(new Product(
                        "free",
                        "Free",
                        null,
                        "main",
                        false,
                        true,
                        null,
                        List.of(allowance(API_CALLS, 1_000, MONTHLY), allowance(AI_TOKENS, 5_000, MONTHLY))));
        assertThat(Plans.FREE.isFree()).isTrue();
        assertThat(catalog.products()).filteredOn(Product::isDefault).containsExactly(Plans.FREE);
    }

    @Test
    void pro_apiCallsAndAiTokensOnATenDollarMonthlyPlan_withAFreeTrial() {
        assertThat(Plans.PRO)
                .isEqualTo(new Product(
                        "pro",
                        "Pro",
                        "For individual developers",
                        "main",
                        false,
                        false,
                        new FreeTrial(14, FreeTrial.Unit.DAY, true),
                        List.of(
                                price("10", MONTHLY),
                                allowance(API_CALLS, 10_000, MONTHLY),
                                allowance(AI_TOKENS, 50_000, MONTHLY))));
    }

    @Test
    void business_overageAndPrepaidSeats() {
        PricedFeatureItem overage = new PricedFeatureItem(
                API_CALLS,
                100_000,
                new PerUnitPrice(new BigDecimal("0.5")),
                1_000,
                BillingMethod.PAY_PER_USE,
                MONTHLY,
                null,
                null,
                null,
                null,
                null);
        PricedFeatureItem seats = new PricedFeatureItem(
                SEATS,
                3,
                new PerUnitPrice(BigDecimal.TEN),
                1,
                BillingMethod.PREPAID,
                MONTHLY,
                null,
                null,
                null,
                null,
                null);

        assertThat(Plans.BUSINESS)
                .isEqualTo(new Product(
                        "business",
                        "Business",
                        "For teams",
                        "main",
                        false,
                        false,
                        null,
                        List.of(
                                price("50", MONTHLY),
                                overage,
                                allowance(AI_TOKENS, 500_000, MONTHLY),
                                seats,
                                new FeatureItem(SSO, 0, false, null, null))));
        assertThat(SEATS.type()).isEqualTo(FeatureType.CONTINUOUS_USE);
    }

    @Test
    void flex_monthlyCredits() {
        assertThat(Plans.FLEX)
                .isEqualTo(new Product(
                        "flex",
                        "Flex",
                        "Credits for any mix of API calls and AI tokens",
                        "main",
                        false,
                        false,
                        null,
                        List.of(price("20", MONTHLY), allowance(CREDITS, 2_000, MONTHLY))));
    }

    @Test
    void apiCallPack_oneOffFiveDollarsForAThousandCallsThatNeverReset() {
        assertThat(AddOns.API_CALL_PACK)
                .isEqualTo(new Product(
                        "api_call_pack",
                        "1,000 API calls",
                        null,
                        null,
                        true,
                        false,
                        null,
                        List.of(price("5", Cycle.ONE_OFF), allowance(API_CALLS, 1_000, Cycle.ONE_OFF))));
    }

    @Test
    void ssoAddOn_monthly() {
        assertThat(AddOns.SSO_ADD_ON)
                .isEqualTo(new Product(
                        "sso_add_on",
                        "SSO",
                        null,
                        null,
                        true,
                        false,
                        null,
                        List.of(price("25", MONTHLY), new FeatureItem(SSO, 0, false, null, null))));
    }

    @Test
    void creditPack_oneOffTenDollarsForAThousandCreditsThatNeverReset() {
        assertThat(AddOns.CREDIT_PACK)
                .isEqualTo(new Product(
                        "credit_pack",
                        "1,000 credits",
                        null,
                        null,
                        true,
                        false,
                        null,
                        List.of(price("10", Cycle.ONE_OFF), allowance(CREDITS, 1_000, Cycle.ONE_OFF))));
    }
}
