package dev.autumncatalog.dsl;

import static dev.autumncatalog.dsl.Autumn.cost;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.freeTrial;
import static dev.autumncatalog.dsl.Autumn.lastTier;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.dsl.Autumn.rollover;
import static dev.autumncatalog.dsl.Autumn.tier;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every local invariant ({@code Checks} and the record constructors) throws at once, naming field and value. */
class LocalInvariantsTest {
    static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
    static final Feature SEATS = feature("seats").name("Seats").continuousUse();

    static void fails(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Nested
    class IdsAndNames {
        @Test
        void featureId_withASpace() {
            fails(
                    () -> feature("api calls"),
                    "feature id must contain only letters, digits, '_' and '-', was 'api calls'; for example"
                            + " 'api_calls'");
        }

        @Test
        void productId_withPunctuation() {
            fails(
                    () -> product(" pro plan! "),
                    "product id must contain only letters, digits, '_' and '-', was ' pro plan! '; for example"
                            + " 'pro_plan'");
        }

        @Test
        void id_withNothingUsable_suggestsAPlaceholder() {
            fails(
                    () -> new BooleanFeature("!!!", "Bang"),
                    "feature id must contain only letters, digits, '_' and '-', was '!!!'; for example 'my_id'");
        }

        @Test
        void id_empty() {
            fails(
                    () -> product(""),
                    "product id must contain only letters, digits, '_' and '-', was ''; for example 'my_id'");
        }

        @Test
        void id_null() {
            assertThatThrownBy(() -> feature(null))
                    .isExactlyInstanceOf(NullPointerException.class)
                    .hasMessage("feature id");
        }

        @Test
        void featureName_blank() {
            fails(() -> feature("sso").name(" "), "feature 'sso' needs a non-empty name, was ' '");
        }

        @Test
        void featureName_nullInARecord() {
            fails(() -> new MeteredFeature("seats", null, false), "feature 'seats' needs a non-empty name, was null");
            fails(
                    () -> new CreditSystem("credits", "", java.util.List.of(cost(API_CALLS, 1))),
                    "feature 'credits' needs a non-empty name, was ''");
        }

        @Test
        void productName_empty() {
            fails(() -> product("pro").name(""), "product 'pro' needs a non-empty name, was ''");
            fails(() -> product("pro").name("Pro").name(null), "product 'pro' needs a non-empty name, was null");
        }
    }

    @Nested
    class Prices {
        @Test
        void priceAmount_zero() {
            fails(() -> priceItem(0), "price amount must be > 0, was 0");
        }

        @Test
        void priceAmount_negative() {
            fails(() -> priceItem("-5.00"), "price amount must be > 0, was -5.00");
        }

        @Test
        void priceAmount_threeDecimals() {
            fails(() -> priceItem("9.999"), "price amount can have at most 2 decimal places, was 9.999");
            fails(
                    () -> new PriceItem(new BigDecimal("0.001"), Cycle.ONE_OFF),
                    "price amount can have at most 2 decimal places, was 0.001");
        }

        @Test
        void priceAmount_notANumber() {
            fails(() -> priceItem("9,99"), "price amount must be a decimal number such as \"9.99\", was '9,99'");
        }

        @Test
        void price_billedDaily() {
            fails(
                    () -> priceItem(5).every(1, Interval.DAY),
                    "a price cannot be billed every day; Autumn bills weekly or longer: use .weekly(), .monthly(),"
                            + " .yearly() or .oneOff()");
        }

        @Test
        void usage_billedHourly() {
            fails(
                    () -> pricedFeatureItem(API_CALLS).price(1).payPerUse().every(1, Interval.HOUR),
                    "usage cannot be billed every hour (priced feature item api_calls); Autumn bills weekly or longer");
        }

        @Test
        void usagePrice_zero() {
            fails(() -> pricedFeatureItem(API_CALLS).price(0), "usage price amount must be > 0, was 0");
        }

        @Test
        void usagePrice_negative() {
            fails(() -> pricedFeatureItem(API_CALLS).price("-0.01"), "usage price amount must be > 0, was -0.01");
        }

        @Test
        void usagePrice_notANumber() {
            fails(
                    () -> pricedFeatureItem(API_CALLS).price("cheap"),
                    "usage price amount must be a decimal number such as \"9.99\", was 'cheap'");
        }

        @Test
        void billingUnits_zero() {
            fails(
                    () -> pricedFeatureItem(API_CALLS).price(1).per(0),
                    "billing units must be ≥ 1, was 0 (priced feature item api_calls); use .per(n) with n ≥ 1");
        }

        @Test
        void billingUnits_zeroInTheRecord() {
            fails(
                    () -> new PricedFeatureItem(
                            API_CALLS,
                            0,
                            new PerUnitPrice(BigDecimal.ONE),
                            0,
                            BillingMethod.PREPAID,
                            Cycle.ONE_OFF,
                            null,
                            null,
                            null,
                            null,
                            null),
                    "billing units must be ≥ 1, was 0 (priced feature item api_calls); use .per(n) with n ≥ 1");
        }

        @Test
        void maxPurchase_zero() {
            fails(
                    () -> pricedFeatureItem(API_CALLS)
                            .price(1)
                            .prepaid()
                            .oneOff()
                            .maxPurchase(0),
                    "max purchase must be ≥ 1, was 0 (priced feature item api_calls); leave it out for no limit");
        }
    }

    @Nested
    class IncludedUsage {
        @Test
        void included_negative() {
            fails(
                    () -> featureItem(API_CALLS).included(-5),
                    "included usage must be ≥ 0, was -5 (feature item api_calls)");
        }

        @Test
        void pricedIncluded_negative() {
            fails(
                    () -> pricedFeatureItem(API_CALLS).included(-1),
                    "included usage must be ≥ 0, was -1 (priced feature item api_calls)");
        }

        @Test
        void unlimited_afterIncluded() {
            fails(
                    () -> featureItem(API_CALLS).included(5).unlimited(),
                    "feature item api_calls already includes 5, cannot also be unlimited; choose .included(n) or"
                            + " .unlimited()");
        }

        @Test
        void included_afterUnlimited() {
            fails(
                    () -> featureItem(API_CALLS).unlimited().included(5),
                    "feature item api_calls is already unlimited, cannot also include 5; choose .included(n) or"
                            + " .unlimited()");
        }

        @Test
        void unlimitedAndIncluded_inTheRecord() {
            fails(
                    () -> new FeatureItem(API_CALLS, 5, true, null, null),
                    "feature item api_calls cannot be unlimited and include 5; choose .included(n) or .unlimited()");
        }
    }

    @Nested
    class Tiers {
        @Test
        void upTo_zero() {
            fails(() -> tier(0, 1), "tier upTo must be ≥ 1, was 0");
        }

        @Test
        void amount_negative() {
            fails(() -> tier(10, -1), "tier amount must be ≥ 0, was -1");
            fails(() -> lastTier("-0.5"), "tier amount must be ≥ 0, was -0.5");
        }

        @Test
        void amount_notANumber() {
            fails(() -> lastTier("free"), "tier amount must be a decimal number such as \"9.99\", was 'free'");
        }

        @Test
        void flatAmount_negative() {
            fails(() -> tier(10, 1).flat(-1), "tier flat amount must be ≥ 0, was -1");
        }

        @Test
        void tiers_none() {
            fails(() -> pricedFeatureItem(API_CALLS).tiers(), "a tiered price needs at least one tier, was none");
            fails(() -> pricedFeatureItem(API_CALLS).volumeTiers(), "a tiered price needs at least one tier, was none");
        }
    }

    @Nested
    class Credits {
        @Test
        void creditCost_zero() {
            fails(() -> cost(API_CALLS, 0), "credit cost of feature 'api_calls' must be > 0, was 0");
        }

        @Test
        void creditCost_negative() {
            fails(() -> cost(API_CALLS, "-1.5"), "credit cost of feature 'api_calls' must be > 0, was -1.5");
        }

        @Test
        void creditCost_notANumber() {
            fails(() -> cost(API_CALLS, "one"), "credit cost must be a decimal number such as \"9.99\", was 'one'");
        }

        @Test
        void creditSchema_empty() {
            fails(
                    () -> feature("credits").name("Credits").creditSystem(),
                    "credit system 'credits' needs at least one credit cost, was none; add one:"
                            + " .creditSystem(cost(API_CALLS, 1))");
        }
    }

    @Nested
    class TrialsRolloversCycles {
        @Test
        void trialLength_zero() {
            fails(() -> freeTrial(0), "free trial length must be ≥ 1, was 0");
            fails(() -> new FreeTrial(-1, FreeTrial.Unit.DAY, true), "free trial length must be ≥ 1, was -1");
        }

        @Test
        void rollover_bothCaps() {
            fails(
                    () -> new Rollover(5L, BigDecimal.TEN, 1),
                    "rollover takes a unit cap or a percentage cap, not both; was 5 and 10%");
        }

        @Test
        void rolloverCap_zero() {
            fails(() -> rollover().upTo(0).forever(), "rollover cap must be ≥ 1, was 0");
        }

        @Test
        void rolloverPercentage_outOfRange() {
            fails(() -> rollover().upToPercent(0).forever(), "rollover percentage must be > 0, was 0");
            fails(() -> rollover().upToPercent(101).forever(), "rollover percentage must be in (0, 100], was 101");
        }

        @Test
        void rolloverMonths_zeroInTheStep() {
            fails(() -> rollover().upTo(5).forMonths(0), "rollover months must be ≥ 1, was 0; use .forever()");
        }

        @Test
        void rolloverMonths_negativeInTheRecord() {
            fails(() -> new Rollover(null, null, -1), "rollover months must be ≥ 0 (0 = forever), was -1");
        }

        @Test
        void cycleCount_zero() {
            fails(() -> Cycle.every(0, Interval.MONTH), "interval count must be ≥ 1, was 0");
            fails(() -> featureItem(API_CALLS).resetEvery(-1, Interval.DAY), "interval count must be ≥ 1, was -1");
        }

        @Test
        void oneOffCycle_withACount() {
            fails(() -> new Cycle(null, 2), "a one-off cycle has no count, was 2");
        }
    }
}
