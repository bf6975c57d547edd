package dev.autumncatalog.dsl;

import static dev.autumncatalog.dsl.Autumn.catalog;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every value rule: a bad value throws nothing where it is written, and {@link Catalog#validate()} reports it with its
 * path, its exact message and the line that wrote it (none for a record built with {@code new}). Null arguments are
 * programming errors and still throw at once. (Until issue 14 these values threw at once, one per build.)
 */
class ValueProblemsTest {
    static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
    static final Feature SEATS = feature("seats").name("Seats").continuousUse();

    /** The line after the caller's: where the next statement writes its bad value. */
    static int nextLine() {
        return StackWalker.getInstance()
                        .walk(frames -> frames.skip(1).findFirst())
                        .orElseThrow()
                        .getLineNumber()
                + 1;
    }

    /** A problem written at {@code line} of this file by code of {@code caller}'s class. */
    static Problem problem(Object caller, int line, String path, String message) {
        return new Problem(
                path, message, new SourceLocation(caller.getClass().getName(), "ValueProblemsTest.java", line));
    }

    static List<Problem> problems(CatalogPart... parts) {
        return catalog(parts).validate();
    }

    /** A valid product holding {@code item} as its only item. */
    static Product with(Item item) {
        return product("pro").name("Pro").item(item);
    }

    @Nested
    class IdsAndNames {
        @Test
        void featureId_withASpace() {
            int line = nextLine();
            Feature feature = feature("api calls").name("API Calls").singleUse();

            assertThat(problems(feature))
                    .containsExactly(problem(
                            this,
                            line,
                            "features[api calls]",
                            "feature id must contain only letters, digits, '_' and '-', was 'api calls'; for example"
                                    + " 'api_calls'"));
        }

        @Test
        void productId_withPunctuation() {
            int line = nextLine();
            Product product = product(" pro plan! ").name("Pro");

            assertThat(problems(product))
                    .containsExactly(problem(
                            this,
                            line,
                            "products[ pro plan! ]",
                            "product id must contain only letters, digits, '_' and '-', was ' pro plan! '; for example"
                                    + " 'pro_plan'"));
        }

        @Test
        void id_withNothingUsable_suggestsAPlaceholder_andARecordHasNoLine() {
            assertThat(problems(new BooleanFeature("!!!", "Bang")))
                    .containsExactly(new Problem(
                            "features[!!!]",
                            "feature id must contain only letters, digits, '_' and '-', was '!!!'; for example"
                                    + " 'my_id'"));
        }

        @Test
        void id_empty() {
            int line = nextLine();
            Product product = product("").name("Nameless id");

            assertThat(problems(product))
                    .containsExactly(problem(
                            this,
                            line,
                            "products[]",
                            "product id must contain only letters, digits, '_' and '-', was ''; for example"
                                    + " 'my_id'"));
        }

        @Test
        void id_null_stillThrows() {
            assertThatThrownBy(() -> feature(null))
                    .isExactlyInstanceOf(NullPointerException.class)
                    .hasMessage("feature id");
            assertThatThrownBy(() -> product(null))
                    .isExactlyInstanceOf(NullPointerException.class)
                    .hasMessage("product id");
        }

        @Test
        void featureName_blank_isKeptAsAutumnKeepsIt() {
            // Audit L2a: a name of spaces is stored as sent (F-name-blank); only an empty one is refused.
            Feature sso = feature("sso").name(" ").booleanFlag();

            assertThat(problems(sso)).isEmpty();
            assertThat(sso.name()).isEqualTo(" ");
        }

        @Test
        void featureName_null_stillThrows_andEmptyInARecordIsReported() {
            assertThatThrownBy(() -> new MeteredFeature("seats", null, false))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature 'seats' needs a non-empty name, was null");
            assertThatThrownBy(() -> feature("seats").name(null))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("feature 'seats' needs a non-empty name, was null");

            assertThat(problems(new CreditSystem("credits", "", List.of(cost(API_CALLS, 1)))))
                    .containsExactly(
                            new Problem("features[credits]", "feature 'credits' needs a non-empty name, was ''"));
        }

        @Test
        void productName_empty() {
            int line = nextLine();
            Product product = product("pro").name("");

            assertThat(problems(product))
                    .containsExactly(
                            problem(this, line, "products[pro]", "product 'pro' needs a non-empty name, was ''"));
        }

        @Test
        void stepCalledByTheJdk_isLocatedAtTheCatalogsLine() {
            int line = nextLine();
            List<Product> products = Stream.of("ok", "not ok")
                    .map(Autumn::product)
                    .map(step -> step.name("P"))
                    .collect(Collectors.toList());

            // Not a line of the stream's classes: one of this statement's (the JDK runs the step from .collect).
            SourceLocation source =
                    problems(products.toArray(new CatalogPart[0])).get(0).source();
            assertThat(source.className()).isEqualTo(getClass().getName());
            assertThat(source.fileName()).isEqualTo("ValueProblemsTest.java");
            assertThat(source.line()).isBetween(line, line + 3);
        }

        @Test
        void productName_null_stillThrows() {
            assertThatThrownBy(() -> product("pro").name("Pro").name(null))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("product 'pro' needs a non-empty name, was null");
        }

        @Test
        void productName_keepsItsLineThroughLaterSteps_andAGoodNameForgetsIt() {
            int line = nextLine();
            Product unnamed = product("pro").name("");
            Product later =
                    unnamed.item(priceItem(5).monthly()).description("Pro plan").addOn();

            assertThat(problems(later))
                    .containsExactly(
                            problem(this, line, "products[pro]", "product 'pro' needs a non-empty name, was ''"));
            assertThat(problems(later.name("Pro"))).isEmpty();
        }
    }

    @Nested
    class Texts {
        @Test
        void featureName_loneSurrogate() {
            int line = nextLine();
            Feature rocket = feature("rocket").name("Rocket \uD83D").booleanFlag();

            assertThat(problems(rocket))
                    .containsExactly(problem(
                            this,
                            line,
                            "features[rocket]",
                            "feature 'rocket' name has a lone surrogate (\\uD83D) at index 7; Autumn would store U+FFFD"
                                    + " in its place and every push would change it again: complete the pair or remove"
                                    + " it"));
            assertThat(problems(feature("rocket").name("Rocket \uD83D\uDE80").booleanFlag()))
                    .isEmpty();
        }

        @Test
        void productDescriptionAndGroup_nul() {
            Product pro = product("pro").name("Pro");
            int line = nextLine();
            Product described = pro.description("Pro\0plan").group("main\0");

            assertThat(problems(described))
                    .containsExactly(
                            problem(
                                    this,
                                    line,
                                    "products[pro]",
                                    "product 'pro' description has a NUL character (\\u0000) at index 3; Autumn"
                                            + " refuses it (500 internal_error): remove it"),
                            problem(
                                    this,
                                    line,
                                    "products[pro]",
                                    "product 'pro' group has a NUL character (\\u0000) at index 4; Autumn refuses it"
                                            + " (500 internal_error): remove it"));
            assertThat(problems(described.description("Pro plan").group(null))).isEmpty();
        }

        @Test
        void productName_loneLowSurrogate_inARecord() {
            Product product = new Product("pro", "\uDE80Pro", null, null, false, false, null, List.of());

            assertThat(problems(product))
                    .containsExactly(new Problem(
                            "products[pro]",
                            "product 'pro' name has a lone surrogate (\\uDE80) at index 0; Autumn would store U+FFFD"
                                    + " in its place and every push would change it again: complete the pair or remove"
                                    + " it"));
        }

        @Test
        void whatAutumnKeeps_isValid() {
            // Leading and trailing spaces, control characters, emoji and long texts come back from Autumn unchanged.
            Product product = product("pro")
                    .name("  Pro\t\u0001 \uD83D\uDE80  ")
                    .description("x".repeat(70_000))
                    .group("\u00a0main\u200b");

            assertThat(problems(product)).isEmpty();
        }
    }

    @Nested
    class Prices {
        @Test
        void priceAmount_zero_isValid() {
            // Audit L3: a $0 price is stored as sent and stays a price (P1-base-zero).
            PriceItem price = priceItem(0).monthly();

            assertThat(problems(with(price))).isEmpty();
        }

        @Test
        void priceAmount_negative_isNormalisedLikeEveryAmount() {
            int line = nextLine();
            PriceItem price = priceItem("-5.00").monthly();

            assertThat(problems(with(price)))
                    .containsExactly(problem(this, line, "products[pro].items[0]", "price amount must be ≥ 0, was -5"));
        }

        @Test
        void priceAmount_threeDecimals() {
            int line = nextLine();
            PriceItem price = priceItem("9.999").monthly();

            assertThat(problems(with(price)))
                    .containsExactly(problem(
                            this,
                            line,
                            "products[pro].items[0]",
                            "price amount can have at most 2 decimal places, was 9.999"));
            assertThat(problems(with(new PriceItem(new BigDecimal("0.001"), Cycle.ONE_OFF))))
                    .containsExactly(new Problem(
                            "products[pro].items[0]", "price amount can have at most 2 decimal places, was 0.001"));
        }

        @Test
        void priceAmount_notANumber() {
            int line = nextLine();
            PriceItem price = priceItem("9,99").monthly();

            assertThat(problems(with(price)))
                    .containsExactly(problem(
                            this,
                            line,
                            "products[pro].items[0]",
                            "price amount must be a decimal number such as \"9.99\", was '9,99'"));
        }

        @Test
        void price_billedDaily() {
            int line = nextLine();
            PriceItem price = priceItem(5).every(1, Interval.DAY);

            assertThat(problems(with(price)))
                    .containsExactly(problem(
                            this,
                            line,
                            "products[pro].items[0]",
                            "a price cannot be billed every day; Autumn bills weekly or longer: use .weekly(),"
                                    + " .monthly(), .yearly() or .oneOff()"));
        }

        @Test
        void usage_billedHourly() {
            PricedFeatureStep.Billing payPerUse =
                    pricedFeatureItem(API_CALLS).price(1).payPerUse();
            int line = nextLine();
            PricedFeatureItem item = payPerUse.every(1, Interval.HOUR);

            assertThat(problems(with(item)))
                    .containsExactly(problem(
                            this,
                            line,
                            "products[pro].items[0]",
                            "usage cannot be billed every hour (priced feature item api_calls); Autumn bills weekly or"
                                    + " longer"));
        }

        @Test
        void usagePrice_zero() {
            int line = nextLine();
            PricedFeatureStep.Priced priced = pricedFeatureItem(API_CALLS).price(0);

            assertThat(problems(with(priced.payPerUse().monthly())))
                    .containsExactly(
                            problem(this, line, "products[pro].items[0]", "usage price amount must be > 0, was 0"));
        }

        @Test
        void usagePrice_negative() {
            int line = nextLine();
            PricedFeatureStep.Priced priced = pricedFeatureItem(API_CALLS).price("-0.01");

            assertThat(problems(with(priced.payPerUse().monthly())))
                    .containsExactly(
                            problem(this, line, "products[pro].items[0]", "usage price amount must be > 0, was -0.01"));
        }

        @Test
        void usagePrice_notANumber() {
            int line = nextLine();
            PricedFeatureStep.Priced priced = pricedFeatureItem(API_CALLS).price("cheap");

            assertThat(problems(with(priced.payPerUse().monthly())))
                    .containsExactly(problem(
                            this,
                            line,
                            "products[pro].items[0]",
                            "usage price amount must be a decimal number such as \"9.99\", was 'cheap'"));
        }

        @Test
        void billingUnits_zero() {
            PricedFeatureStep.Priced price = pricedFeatureItem(API_CALLS).price(1);
            int line = nextLine();
            PricedFeatureStep.Priced priced = price.per(0);

            assertThat(problems(with(priced.payPerUse().monthly())))
                    .containsExactly(problem(
                            this,
                            line,
                            "products[pro].items[0]",
                            "billing units must be ≥ 1, was 0 (priced feature item api_calls); use .per(n) with n ≥"
                                    + " 1"));
        }

        @Test
        void billingUnits_zeroInTheRecord() {
            PricedFeatureItem item = new PricedFeatureItem(
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
                    null);

            assertThat(problems(with(item)))
                    .containsExactly(new Problem(
                            "products[pro].items[0]",
                            "billing units must be ≥ 1, was 0 (priced feature item api_calls); use .per(n) with n ≥"
                                    + " 1"));
        }

        @Test
        void maxPurchase_zero() {
            PricedFeatureItem pack =
                    pricedFeatureItem(API_CALLS).price(1).prepaid().oneOff();
            int line = nextLine();
            PricedFeatureItem limited = pack.maxPurchase(0);

            assertThat(problems(with(limited)))
                    .containsExactly(problem(
                            this,
                            line,
                            "products[pro].items[0]",
                            "max purchase must be ≥ 1, was 0 (priced feature item api_calls); leave it out for no"
                                    + " limit"));
            assertThat(problems(with(limited.maxPurchase(10)))).isEmpty();
        }
    }

    @Nested
    class IncludedUsage {
        @Test
        void included_negative() {
            int line = nextLine();
            FeatureItem item = featureItem(API_CALLS).included(-5).monthly();

            assertThat(problems(with(item)))
                    .containsExactly(problem(
                            this,
                            line,
                            "products[pro].items[0]",
                            "included usage must be ≥ 0, was -5 (feature item api_calls)"));
        }

        @Test
        void pricedIncluded_negative() {
            int line = nextLine();
            PricedFeatureStep step = pricedFeatureItem(API_CALLS).included(-1);

            assertThat(problems(with(step.price(1).payPerUse().monthly())))
                    .containsExactly(problem(
                            this,
                            line,
                            "products[pro].items[0]",
                            "included usage must be ≥ 0, was -1 (priced feature item api_calls)"));
        }

        @Test
        void unlimited_afterIncluded() {
            FeatureItem included = featureItem(API_CALLS).included(5);
            int line = nextLine();
            FeatureItem both = included.unlimited();

            assertThat(problems(with(both)))
                    .containsExactly(problem(
                            this,
                            line,
                            "products[pro].items[0]",
                            "feature item api_calls cannot be unlimited and include 5; choose .included(n) or"
                                    + " .unlimited()"));
        }

        @Test
        void included_afterUnlimited() {
            FeatureItem unlimited = featureItem(API_CALLS).unlimited();
            int line = nextLine();
            FeatureItem both = unlimited.included(5);

            assertThat(problems(with(both)))
                    .containsExactly(problem(
                            this,
                            line,
                            "products[pro].items[0]",
                            "feature item api_calls cannot be unlimited and include 5; choose .included(n) or"
                                    + " .unlimited()"));
            assertThat(problems(with(both.included(0)))).isEmpty();
        }

        @Test
        void unlimitedAndIncluded_inTheRecord() {
            assertThat(problems(with(new FeatureItem(API_CALLS, 5, true, null, null))))
                    .containsExactly(new Problem(
                            "products[pro].items[0]",
                            "feature item api_calls cannot be unlimited and include 5; choose .included(n) or"
                                    + " .unlimited()"));
        }
    }

    @Nested
    class Tiers {
        @Test
        void upTo_zero() {
            int line = nextLine();
            Tier first = tier(0, 1);
            PricedFeatureItem item = pricedFeatureItem(API_CALLS)
                    .tiers(first, lastTier(1))
                    .payPerUse()
                    .monthly();

            assertThat(problems(with(item)))
                    .containsExactly(
                            problem(this, line, "products[pro].items[0].tiers[0]", "tier upTo must be ≥ 1, was 0"),
                            new Problem(
                                    "products[pro].items[0].tiers[0]",
                                    "the first tier must end above included usage (upTo 0, included 0); tiers count"
                                            + " total usage, so raise upTo above 0"));
        }

        @Test
        void amount_negative() {
            int line = nextLine();
            Tier first = tier(10, -1);
            Tier last = lastTier("-0.5");
            PricedFeatureItem item =
                    pricedFeatureItem(API_CALLS).tiers(first, last).payPerUse().monthly();

            assertThat(problems(with(item)))
                    .containsExactly(
                            problem(this, line, "products[pro].items[0].tiers[0]", "tier amount must be ≥ 0, was -1"),
                            problem(
                                    this,
                                    line + 1,
                                    "products[pro].items[0].tiers[1]",
                                    "tier amount must be ≥ 0, was -0.5"));
        }

        @Test
        void amount_notANumber() {
            int line = nextLine();
            Tier last = lastTier("free");
            PricedFeatureItem item = pricedFeatureItem(API_CALLS)
                    .tiers(tier(10, 1), last)
                    .payPerUse()
                    .monthly();

            assertThat(problems(with(item)))
                    .containsExactly(problem(
                            this,
                            line,
                            "products[pro].items[0].tiers[1]",
                            "tier amount must be a decimal number such as \"9.99\", was 'free'"));
        }

        @Test
        void flatAmount_negative_andNotANumber() {
            int line = nextLine();
            Tier negative = tier(10, 1).flat(-1);
            Tier unreadable = lastTier(1).flat("ten");
            PricedFeatureItem item = pricedFeatureItem(API_CALLS)
                    .volumeTiers(negative, unreadable)
                    .prepaid()
                    .monthly();

            assertThat(problems(with(item)))
                    .containsExactly(
                            problem(
                                    this,
                                    line,
                                    "products[pro].items[0].tiers[0]",
                                    "tier flat amount must be ≥ 0, was -1"),
                            problem(
                                    this,
                                    line + 1,
                                    "products[pro].items[0].tiers[1]",
                                    "tier flat amount must be a decimal number such as \"9.99\", was 'ten'"));
            assertThat(problems(with(pricedFeatureItem(API_CALLS)
                            .volumeTiers(negative.flat(5), unreadable.flat(3))
                            .prepaid()
                            .monthly())))
                    .isEmpty();
        }

        @Test
        void tiers_none() {
            int line = nextLine();
            PricedFeatureStep.Priced graduated = pricedFeatureItem(API_CALLS).tiers();
            PricedFeatureStep.Priced volume = pricedFeatureItem(API_CALLS).volumeTiers();

            assertThat(problems(with(graduated.payPerUse().monthly())))
                    .containsExactly(problem(
                            this, line, "products[pro].items[0]", "a tiered price needs at least one tier, was none"));
            assertThat(problems(with(volume.prepaid().monthly())))
                    .containsExactly(problem(
                            this,
                            line + 1,
                            "products[pro].items[0]",
                            "a tiered price needs at least one tier, was none"));
        }
    }

    @Nested
    class Credits {
        @Test
        void creditCost_zero_isValid() {
            // Audit L13: a cost of 0 is stored (F-cs-zero): the feature is free while it draws from credits.
            CreditCost free = cost(API_CALLS, 0);
            Feature credits = feature("credits").name("Credits").creditSystem(free);

            assertThat(problems(API_CALLS, credits)).isEmpty();
        }

        @Test
        void creditCost_negative() {
            int line = nextLine();
            CreditCost negative = cost(API_CALLS, "-1.5");
            Feature credits = feature("credits").name("Credits").creditSystem(negative);

            assertThat(problems(credits))
                    .containsExactly(problem(
                            this,
                            line,
                            "features[credits].creditSchema[0]",
                            "credit cost of feature 'api_calls' must be ≥ 0, was -1.5"));
        }

        @Test
        void creditCost_notANumber() {
            int line = nextLine();
            CreditCost unreadable = cost(API_CALLS, "one");
            Feature credits = feature("credits").name("Credits").creditSystem(unreadable);

            assertThat(problems(credits))
                    .containsExactly(problem(
                            this,
                            line,
                            "features[credits].creditSchema[0]",
                            "credit cost must be a decimal number such as \"9.99\", was 'one'"));
        }

        @Test
        void creditSchema_empty() {
            int line = nextLine();
            Feature credits = feature("credits").name("Credits").creditSystem();

            assertThat(problems(credits))
                    .containsExactly(problem(
                            this,
                            line,
                            "features[credits]",
                            "credit system 'credits' needs at least one credit cost, was none; add one:"
                                    + " .creditSystem(cost(API_CALLS, 1))"));
        }
    }

    @Nested
    class TrialsRolloversCycles {
        @Test
        void trialLength_zero() {
            int line = nextLine();
            FreeTrial none = freeTrial(0).days();

            assertThat(problems(with(priceItem(5).monthly()).freeTrial(none)))
                    .containsExactly(
                            problem(this, line, "products[pro].freeTrial", "free trial length must be ≥ 1, was 0"));
            assertThat(problems(with(priceItem(5).monthly()).freeTrial(none.noCardRequired())))
                    .containsExactly(
                            problem(this, line, "products[pro].freeTrial", "free trial length must be ≥ 1, was 0"));
            assertThat(problems(with(priceItem(5).monthly()).freeTrial(new FreeTrial(-1, FreeTrial.Unit.DAY, true))))
                    .containsExactly(new Problem("products[pro].freeTrial", "free trial length must be ≥ 1, was -1"));
        }

        private Product rolling(Rollover rollover) {
            return with(
                    pricedFeatureItem(API_CALLS).price(1).prepaid().monthly().rollover(rollover));
        }

        @Test
        void rollover_bothCaps() {
            assertThat(problems(rolling(new Rollover(5L, BigDecimal.TEN, 1))))
                    .containsExactly(new Problem(
                            "products[pro].items[0]",
                            "rollover takes a unit cap or a percentage cap, not both; was 5 and 10%"));
        }

        @Test
        void rolloverCap_zero() {
            int line = nextLine();
            Rollover rollover = rollover().upTo(0).forever();

            assertThat(problems(rolling(rollover)))
                    .containsExactly(problem(this, line, "products[pro].items[0]", "rollover cap must be ≥ 1, was 0"));
        }

        @Test
        void rolloverPercentage_outOfRange() {
            int line = nextLine();
            Rollover none = rollover().upToPercent(0).forever();
            Rollover tooMuch = rollover().upToPercent(101).forever();

            assertThat(problems(rolling(none)))
                    .containsExactly(
                            problem(this, line, "products[pro].items[0]", "rollover percentage must be > 0, was 0"));
            assertThat(problems(rolling(tooMuch)))
                    .containsExactly(problem(
                            this,
                            line + 1,
                            "products[pro].items[0]",
                            "rollover percentage must be in (0, 100], was 101"));
        }

        @Test
        void rolloverMonths_zeroInTheStep() {
            int line = nextLine();
            Rollover rollover = rollover().upTo(5).forMonths(0);

            assertThat(problems(rolling(rollover)))
                    .containsExactly(problem(
                            this,
                            line,
                            "products[pro].items[0]",
                            "rollover months must be ≥ 1, was 0; use .forever()"));
        }

        @Test
        void rolloverMonths_negativeInTheRecord() {
            assertThat(problems(rolling(new Rollover(null, null, -1))))
                    .containsExactly(
                            new Problem("products[pro].items[0]", "rollover months must be ≥ 0 (0 = forever), was -1"));
        }

        @Test
        void cycleCount_zero() {
            int line = nextLine();
            PriceItem price = priceItem(5).every(0, Interval.MONTH);
            FeatureItem calls = featureItem(API_CALLS).included(1).resetEvery(-1, Interval.DAY);

            assertThat(problems(with(price).item(calls)))
                    .containsExactly(
                            problem(this, line, "products[pro].items[0]", "interval count must be ≥ 1, was 0"),
                            problem(this, line + 1, "products[pro].items[1]", "interval count must be ≥ 1, was -1"));
        }

        @Test
        void cycleCount_zero_onAPricedItem_billingAndReset() {
            PricedFeatureItem billed =
                    pricedFeatureItem(API_CALLS).price(1).payPerUse().every(0, Interval.MONTH);
            PricedFeatureItem reset =
                    pricedFeatureItem(API_CALLS).price(1).prepaid().monthly().resetEvery(0, Interval.WEEK);

            assertThat(problems(with(billed)))
                    .extracting(Problem::path, Problem::message)
                    .contains(tuple("products[pro].items[0]", "interval count must be ≥ 1, was 0"));
            assertThat(problems(with(reset)))
                    .extracting(Problem::path, Problem::message)
                    .contains(tuple("products[pro].items[0]", "interval count must be ≥ 1, was 0"));
        }

        @Test
        void rolloverOnAGrant_isCheckedToo() {
            assertThat(problems(with(featureItem(API_CALLS)
                            .included(5)
                            .monthly()
                            .rollover(rollover().upTo(0).forever()))))
                    .extracting(Problem::path, Problem::message)
                    .containsExactly(tuple("products[pro].items[0]", "rollover cap must be ≥ 1, was 0"));
        }

        @Test
        void rolloverPercentage_ofExactlyOneHundred_isValid() {
            assertThat(problems(rolling(rollover().upToPercent(100).forever()))).isEmpty();
        }

        @Test
        void oneOffCycle_withACount_stillThrows() {
            assertThatThrownBy(() -> new Cycle(null, 2))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a one-off cycle has no count, was 2");
        }
    }

    /** Issue 14's example: four bad values, each a constant of its own, so a static initialiser runs past them all. */
    static final class Plans {
        static final int FIRST_LINE = nextLine();
        static final Feature API_CALLS = feature("api calls").name("API Calls").singleUse();
        static final Product FREE = product("free").name("");
        static final Product PRO = product("pro").name("Pro").item(priceItem(-5).monthly());
        static final PriceStep TEAM_PRICE = priceItem("9.999");
        static final Product TEAM = product("team").name("Team").item(TEAM_PRICE.monthly());
    }

    @Test
    void fourBadValues_oneValidation_reportsThemAllWithTheirLines() {
        Catalog catalog = catalog(Plans.API_CALLS, Plans.FREE, Plans.PRO, Plans.TEAM);
        String file = "ValueProblemsTest.java";
        String plans = Plans.class.getName();
        int line = Plans.FIRST_LINE;

        assertThat(catalog.validate())
                .containsExactly(
                        new Problem(
                                "features[api calls]",
                                "feature id must contain only letters, digits, '_' and '-', was 'api calls'; for"
                                        + " example 'api_calls'",
                                new SourceLocation(plans, file, line)),
                        new Problem(
                                "products[free]",
                                "product 'free' needs a non-empty name, was ''",
                                new SourceLocation(plans, file, line + 1)),
                        new Problem(
                                "products[pro].items[0]",
                                "price amount must be ≥ 0, was -5",
                                new SourceLocation(plans, file, line + 2)),
                        new Problem(
                                "products[team].items[0]",
                                "price amount can have at most 2 decimal places, was 9.999",
                                new SourceLocation(plans, file, line + 3)));
        assertThatThrownBy(catalog::requireValid)
                .hasMessage("Catalog has 4 problems:\n"
                        + "  ValueProblemsTest.java:" + line + ": features[api calls]: feature id must contain only"
                        + " letters, digits, '_' and '-', was 'api calls'; for example 'api_calls'\n"
                        + "  ValueProblemsTest.java:" + (line + 1) + ": products[free]: product 'free' needs a"
                        + " non-empty name, was ''\n"
                        + "  ValueProblemsTest.java:" + (line + 2) + ": products[pro].items[0]: price amount must be"
                        + " ≥ 0, was -5\n"
                        + "  ValueProblemsTest.java:" + (line + 3) + ": products[team].items[0]: price amount can"
                        + " have at most 2 decimal places, was 9.999");
    }
}
