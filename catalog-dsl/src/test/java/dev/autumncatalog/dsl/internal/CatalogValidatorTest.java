package dev.autumncatalog.dsl.internal;

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

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogPart;
import dev.autumncatalog.dsl.CatalogValidationException;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.dsl.OnDecrease;
import dev.autumncatalog.dsl.OnIncrease;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.PricedFeatureStep;
import dev.autumncatalog.dsl.Problem;
import dev.autumncatalog.dsl.Product;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per catalog-wide rule, each asserting the exact path and message. */
class CatalogValidatorTest {
    static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
    static final Feature AI_TOKENS = feature("ai_tokens").name("AI Tokens").singleUse();
    static final Feature SEATS = feature("seats").name("Seats").continuousUse();
    static final Feature SSO = feature("sso").name("Single sign-on").booleanFlag();
    static final Feature CREDITS =
            feature("credits").name("Credits").creditSystem(cost(API_CALLS, 1), cost(AI_TOKENS, "0.01"));

    static Product pro() {
        return product("pro").name("Pro").item(priceItem(20).monthly());
    }

    static List<Problem> problems(CatalogPart... parts) {
        return catalog(parts).validate();
    }

    static void assertOnly(List<Problem> problems, String path, String message) {
        assertThat(problems).containsExactly(new Problem(path, message));
    }

    @Test
    void validate_validCatalogOfEveryKind_isEmpty() {
        Catalog catalog = catalog(
                product("free")
                        .name("Free")
                        .defaultProduct()
                        .item(featureItem(API_CALLS).included(1_000).monthly()),
                pro().item(featureItem(API_CALLS).included(10_000).monthly())
                        .item(featureItem(SSO))
                        .item(featureItem(CREDITS).included(500).monthly())
                        .item(pricedFeatureItem(SEATS)
                                .included(3)
                                .price(10)
                                .prepaid()
                                .monthly())
                        .item(featureItem(AI_TOKENS).unlimited())
                        .freeTrial(freeTrial(14).days()),
                product("pack")
                        .name("Pack")
                        .addOn()
                        .item(priceItem(5).oneOff())
                        .item(featureItem(API_CALLS).included(1_000).noReset()));

        assertThat(catalog.validate()).isEmpty();
    }

    @Test
    void validate_emptyCatalog_isEmpty() {
        assertThat(catalog().validate()).isEmpty();
    }

    @Nested
    class Features {
        @Test
        void duplicateFeatureId_reportedOnceAtTheSecondDeclaration() {
            Feature other = feature("api_calls").name("API calls").booleanFlag();

            assertOnly(
                    problems(API_CALLS, other),
                    "features[api_calls]",
                    "feature id 'api_calls' is declared 2 times, as single-use 'API Calls' and boolean 'API calls';"
                            + " keep one declaration per id");
        }

        @Test
        void duplicateFeatureId_threeDeclarations_listsEach() {
            Feature second = feature("api_calls").name("API calls").booleanFlag();
            Feature third = feature("api_calls").name("Calls").continuousUse();

            assertOnly(
                    problems(API_CALLS, second, third),
                    "features[api_calls]",
                    "feature id 'api_calls' is declared 3 times, as single-use 'API Calls', boolean 'API calls' and"
                            + " continuous-use 'Calls'; keep one declaration per id");
        }

        @Test
        void duplicateFeatureId_equalDeclarationsInARawCatalog_isReported() {
            Catalog catalog = new Catalog(List.of(SSO, SSO), List.of());

            assertOnly(
                    catalog.validate(),
                    "features[sso]",
                    "feature id 'sso' is declared 2 times, as boolean 'Single sign-on' and boolean 'Single sign-on';"
                            + " keep one declaration per id");
        }

        @Test
        void creditSchemaTargetNotInCatalog() {
            Catalog catalog = new Catalog(List.of(AI_TOKENS, CREDITS), List.of());

            assertOnly(
                    catalog.validate(),
                    "features[credits].creditSchema[0]",
                    "feature 'api_calls' is not in the catalog; catalog features: [ai_tokens, credits]");
        }

        @Test
        void creditSchemaTargetBoolean() {
            Feature credits = feature("credits").name("Credits").creditSystem(cost(API_CALLS, 1), cost(SSO, 1));

            assertOnly(
                    problems(credits),
                    "features[credits].creditSchema[1]",
                    "credit system 'credits' cannot draw from boolean feature 'sso'; a credit schema takes single-use"
                            + " features only");
        }

        @Test
        void creditSchemaTargetContinuousUse() {
            Feature credits = feature("credits").name("Credits").creditSystem(cost(SEATS, 1));

            assertOnly(
                    problems(credits),
                    "features[credits].creditSchema[0]",
                    "credit system 'credits' cannot draw from continuous-use feature 'seats'; a credit schema takes"
                            + " single-use features only");
        }

        @Test
        void creditSchemaTargetCreditSystem() {
            Feature tokens = feature("tokens").name("Tokens").creditSystem(cost(CREDITS, 2));

            assertOnly(
                    problems(tokens),
                    "features[tokens].creditSchema[0]",
                    "credit system 'tokens' cannot draw from credit system 'credits'; a credit schema takes single-use"
                            + " features only");
        }

        @Test
        void creditSchemaTargetListedTwice() {
            Feature credits = feature("credits").name("Credits").creditSystem(cost(API_CALLS, 1), cost(API_CALLS, 2));

            assertOnly(
                    problems(credits),
                    "features[credits].creditSchema[1]",
                    "feature 'api_calls' is already in the credit schema at creditSchema[0]; keep one cost per feature");
        }

        @Test
        void creditSchemaTargetDiffersFromDeclaration() {
            Feature declared = feature("api_calls").name("API Calls").booleanFlag();
            Catalog catalog = new Catalog(List.of(declared, AI_TOKENS, CREDITS), List.of());

            assertOnly(
                    catalog.validate(),
                    "features[credits].creditSchema[0]",
                    "feature 'api_calls' differs from the catalog's declaration: single-use 'API Calls' here, boolean"
                            + " 'API Calls' in the catalog; reference the declared feature");
        }
    }

    @Nested
    class References {
        @Test
        void itemFeatureNotInCatalog() {
            Feature typo = feature("api_call").name("API Calls").singleUse();
            Product pro = pro().item(featureItem(SSO))
                    .item(featureItem(typo).included(10).monthly());

            assertOnly(
                    new Catalog(List.of(API_CALLS, SSO), List.of(pro)).validate(),
                    "products[pro].items[2]",
                    "feature 'api_call' is not in the catalog; catalog features: [api_calls, sso]");
        }

        @Test
        void itemFeatureDiffersFromDeclaration() {
            Feature renamed = feature("api_calls").name("Calls").singleUse();
            Product pro = pro().item(featureItem(API_CALLS).included(10).monthly());

            assertOnly(
                    new Catalog(List.of(renamed), List.of(pro)).validate(),
                    "products[pro].items[1]",
                    "feature 'api_calls' differs from the catalog's declaration: single-use 'API Calls' here,"
                            + " single-use 'Calls' in the catalog; reference the declared feature");
        }

        @Test
        void creditSystemDeclarationsCompareTheirSchemas() {
            Feature other = feature("credits").name("Credits").creditSystem(cost(API_CALLS, 2));
            Product pro = pro().item(featureItem(CREDITS).included(10).monthly());

            assertOnly(
                    new Catalog(List.of(API_CALLS, other), List.of(pro)).validate(),
                    "products[pro].items[1]",
                    "feature 'credits' differs from the catalog's declaration: credit system 'Credits' [api_calls: 1,"
                            + " ai_tokens: 0.01] here, credit system 'Credits' [api_calls: 2] in the catalog;"
                            + " reference the declared feature");
        }

        @Test
        void creditSystemDeclarationsCompareEachCost_notOnlyHowMany() {
            Feature other =
                    feature("credits").name("Credits").creditSystem(cost(API_CALLS, 1), cost(AI_TOKENS, "0.02"));
            Product pro = pro().item(featureItem(CREDITS).included(10).monthly());

            assertOnly(
                    new Catalog(List.of(API_CALLS, AI_TOKENS, other), List.of(pro)).validate(),
                    "products[pro].items[1]",
                    "feature 'credits' differs from the catalog's declaration: credit system 'Credits' [api_calls: 1,"
                            + " ai_tokens: 0.01] here, credit system 'Credits' [api_calls: 1, ai_tokens: 0.02] in the"
                            + " catalog; reference the declared feature");
        }

        @Test
        void entityFeatureNotInCatalog() {
            Product pro =
                    pro().item(featureItem(API_CALLS).included(10).monthly().perEntity(SEATS));

            assertOnly(
                    new Catalog(List.of(API_CALLS), List.of(pro)).validate(),
                    "products[pro].items[1]",
                    "entity feature 'seats' is not in the catalog; catalog features: [api_calls]");
        }

        @Test
        void pricedItemFeatureNotInCatalog() {
            Product pro =
                    pro().item(pricedFeatureItem(API_CALLS).price(1).payPerUse().monthly());

            assertOnly(
                    new Catalog(List.of(SEATS), List.of(pro)).validate(),
                    "products[pro].items[1]",
                    "feature 'api_calls' is not in the catalog; catalog features: [seats]");
        }

        @Test
        void entityFeatureNotContinuousUse() {
            Product pro =
                    pro().item(featureItem(API_CALLS).included(10).monthly().perEntity(AI_TOKENS));

            assertOnly(
                    problems(pro),
                    "products[pro].items[1]",
                    "entity feature 'ai_tokens' must be continuous-use, was single-use; pass a continuous-use feature"
                            + " such as seats to .perEntity(...)");
        }

        @Test
        void pricedItemEntityFeatureNotContinuousUse() {
            Product pro = pro().item(pricedFeatureItem(API_CALLS)
                    .price(1)
                    .payPerUse()
                    .monthly()
                    .perEntity(SSO));

            assertOnly(
                    problems(pro),
                    "products[pro].items[1]",
                    "entity feature 'sso' must be continuous-use, was boolean; pass a continuous-use feature such as"
                            + " seats to .perEntity(...)");
        }

        @Test
        void entityFeatureContinuousUse_isValid() {
            Product pro = pro().item(
                            featureItem(API_CALLS).included(10).monthly().perEntity(SEATS))
                    .item(pricedFeatureItem(AI_TOKENS)
                            .price(1)
                            .payPerUse()
                            .monthly()
                            .perEntity(SEATS));

            assertThat(problems(pro)).isEmpty();
        }
    }

    @Nested
    class CanonicalForms {
        @Test
        void booleanWithIncludedUsage() {
            Product free = product("free").name("Free").item(new FeatureItem(SSO, 5, false, null, null));

            assertOnly(
                    problems(free),
                    "products[free].items[0]",
                    "boolean feature 'sso' cannot have included usage (was 5); remove .included(5)");
        }

        @Test
        void booleanUnlimited() {
            assertOnly(
                    problems(product("free").name("Free").item(featureItem(SSO).unlimited())),
                    "products[free].items[0]",
                    "boolean feature 'sso' cannot be unlimited; remove .unlimited()");
        }

        @Test
        void booleanWithReset() {
            assertOnly(
                    problems(product("free").name("Free").item(featureItem(SSO).monthly())),
                    "products[free].items[0]",
                    "boolean feature 'sso' cannot reset (was month); remove .monthly()");
        }

        @Test
        void booleanPerEntity_isValid() {
            // Audit V12d: Autumn stores a per-seat boolean item with its entity (C1-entity), and keys it on the
            // entity, so a plain and a per-seat item of one boolean live together (D24).
            assertThat(problems(product("free")
                            .name("Free")
                            .item(featureItem(SSO))
                            .item(featureItem(SSO).perEntity(SEATS))))
                    .isEmpty();
        }

        @Test
        void booleanWithRollover() {
            assertOnly(
                    problems(product("free")
                            .name("Free")
                            .item(featureItem(SSO).rollover(rollover().upTo(5).forMonths(1)))),
                    "products[free].items[0]",
                    "boolean feature 'sso' cannot roll over; remove .rollover(...)");
        }

        @Test
        void continuousUseWithReset() {
            assertOnly(
                    problems(product("free")
                            .name("Free")
                            .item(featureItem(SEATS).included(3).resetEvery(2, Interval.WEEK))),
                    "products[free].items[0]",
                    "continuous-use feature 'seats' cannot reset (was 2 weeks); remove .resetEvery(2, Interval.WEEK)");
        }

        /** The fix names the very step that set the reset, whichever it was. */
        @Test
        void continuousUseWithReset_namesTheStepThatSetIt() {
            Map<String, UnaryOperator<FeatureItem>> steps = new LinkedHashMap<>();
            steps.put(".hourly()", FeatureItem::hourly);
            steps.put(".daily()", FeatureItem::daily);
            steps.put(".weekly()", FeatureItem::weekly);
            steps.put(".monthly()", FeatureItem::monthly);
            steps.put(".quarterly()", FeatureItem::quarterly);
            steps.put(".semiAnnually()", FeatureItem::semiAnnually);
            steps.put(".yearly()", FeatureItem::yearly);
            steps.put(".noReset()", FeatureItem::noReset);
            steps.forEach((call, step) -> assertThat(problems(product("free")
                            .name("Free")
                            .item(step.apply(featureItem(SEATS).included(3)))))
                    .as(call)
                    .singleElement()
                    .satisfies(problem -> assertThat(problem.message())
                            .startsWith("continuous-use feature 'seats' cannot reset (was ")
                            .endsWith("); remove " + call)));
        }

        @Test
        void continuousUseWithoutReset_isValid() {
            assertThat(problems(
                            product("free").name("Free").item(featureItem(SEATS).included(3))))
                    .isEmpty();
            assertThat(problems(
                            product("free").name("Free").item(featureItem(SEATS).unlimited())))
                    .isEmpty();
        }

        @Test
        void consumableUnlimitedWithReset_isValid_andTheResetIsDropped() {
            // Audit V14: Autumn stores the reset of an unlimited item but never applies it (RT-check-u_month is
            // RT-check-u_once), so it is one meaning with one form: no reset.
            FeatureItem item = featureItem(API_CALLS).unlimited().daily();

            assertThat(problems(product("free").name("Free").item(item))).isEmpty();
            assertThat(item.reset()).isNull();
            assertThat(item).isEqualTo(featureItem(API_CALLS).unlimited());
        }

        @Test
        void consumableWithoutIncludedUsage_isValid() {
            // Audit V15: a grant of 0 is stored (C3-zero-month, C3-absent-month) and is a balance of zero at run
            // time (RT-check-z_month), not the absence of an item.
            assertThat(problems(product("free")
                            .name("Free")
                            .item(featureItem(API_CALLS).monthly())
                            .item(featureItem(CREDITS).included(0).noReset())))
                    .isEmpty();
        }

        @Test
        void consumableWithoutReset() {
            assertOnly(
                    problems(product("free")
                            .name("Free")
                            .item(featureItem(CREDITS).included(100))),
                    "products[free].items[0]",
                    "credit system 'credits' needs a reset for its included usage; add .monthly() (or another"
                            + " interval), or .noReset() for a one-time grant");
        }

        @Test
        void consumableWithNeitherIncludedUsageNorReset_reportsTheReset() {
            assertThat(problems(product("free").name("Free").item(featureItem(API_CALLS))))
                    .extracting(Problem::message)
                    .containsExactly("single-use feature 'api_calls' needs a reset for its included usage; add"
                            + " .monthly() (or another interval), or .noReset() for a one-time grant");
        }

        @Test
        void usagePriceOnBoolean() {
            assertOnly(
                    problems(
                            pro().item(pricedFeatureItem(SSO).price(5).prepaid().monthly())),
                    "products[pro].items[1]",
                    "boolean feature 'sso' cannot have a usage price; use featureItem(...) instead");
        }

        @Test
        void pricedContinuousUseWithReset() {
            assertOnly(
                    problems(pro().item(pricedFeatureItem(SEATS)
                            .price(10)
                            .prepaid()
                            .monthly()
                            .noReset())),
                    "products[pro].items[1]",
                    "continuous-use feature 'seats' cannot reset (was one-off); remove .noReset()");
        }

        @Test
        void pricedResetEqualToBilling_isValid() {
            PricedFeatureItem item = pricedFeatureItem(API_CALLS)
                    .price("0.01")
                    .payPerUse()
                    .monthly()
                    .resetEvery(1, Interval.MONTH);

            assertThat(problems(pro().item(item))).isEmpty();
        }

        @Test
        void unlimitedAndUsagePrice_cannotBeBuilt() {
            // PricedFeatureItem has no unlimited component and its steps offer no .unlimited(): the combination
            // that breaks plans.list org-wide (exchanges-2x) cannot be expressed.
            assertThat(PricedFeatureItem.class.getRecordComponents())
                    .extracting(component -> component.getName())
                    .doesNotContain("unlimited", "isUnlimited");
            assertThat(List.of(PricedFeatureItem.class.getMethods()))
                    .extracting(method -> method.getName())
                    .doesNotContain("unlimited");
            assertThat(List.of(PricedFeatureStep.class.getMethods()))
                    .extracting(method -> method.getName())
                    .doesNotContain("unlimited");
        }
    }

    @Nested
    class Items {
        @Test
        void secondPriceItem() {
            assertOnly(
                    problems(pro().item(featureItem(SSO)).item(priceItem(30).monthly())),
                    "products[pro].items[2]",
                    "a product can have only one price item, and items[0] already is one; remove this one");
        }

        @Test
        void grantBesidePricedItemsOfOneFeatureAndReset_isValid() {
            // Audit V20: Autumn refuses only two items of one kind; a free grant beside a prepaid pack (D3, the
            // issue's shape), beside pay-per-use (D2), and prepaid beside pay-per-use (D4) are stored.
            assertThat(problems(pro().item(featureItem(API_CALLS).included(10).monthly())
                            .item(pricedFeatureItem(API_CALLS)
                                    .price(5)
                                    .per(1_000)
                                    .prepaid()
                                    .monthly())
                            .item(pricedFeatureItem(API_CALLS)
                                    .price("0.01")
                                    .payPerUse()
                                    .monthly())
                            .item(featureItem(SEATS).included(3))
                            .item(pricedFeatureItem(SEATS).price(10).prepaid().monthly())))
                    .isEmpty();
        }

        @Test
        void twoGrantsForOneFeatureAndReset() {
            assertOnly(
                    problems(pro().item(featureItem(API_CALLS).included(10).monthly())
                            .item(featureItem(API_CALLS).included(20).monthly())),
                    "products[pro].items[2]",
                    "feature 'api_calls' already has an unpriced item at items[1] with the same reset (month); Autumn"
                            + " refuses two such items, merge them into one");
        }

        @Test
        void twoPayPerUseItemsForOneFeatureAndReset() {
            assertOnly(
                    problems(pro().item(pricedFeatureItem(API_CALLS)
                                    .price("0.01")
                                    .payPerUse()
                                    .monthly())
                            .item(pricedFeatureItem(API_CALLS)
                                    .price("0.02")
                                    .payPerUse()
                                    .monthly())),
                    "products[pro].items[2]",
                    "feature 'api_calls' already has a pay-per-use item at items[1] with the same reset (month);"
                            + " Autumn refuses two such items, merge them into one");
        }

        @Test
        void twoPrepaidItemsBilledDifferently_resettingAlike() {
            // Audit D22: prepaid billed monthly and yearly, both resetting monthly: refused (the key is the reset).
            assertOnly(
                    problems(pro().item(pricedFeatureItem(API_CALLS)
                                    .price(5)
                                    .per(100)
                                    .prepaid()
                                    .monthly())
                            .item(pricedFeatureItem(API_CALLS)
                                    .price(50)
                                    .per(100)
                                    .prepaid()
                                    .yearly()
                                    .resetEvery(1, Interval.MONTH))),
                    "products[pro].items[2]",
                    "feature 'api_calls' already has a prepaid item at items[1] with the same reset (month); Autumn"
                            + " refuses two such items, merge them into one");
        }

        @Test
        void twoContinuousGrants_haveNoReset() {
            assertOnly(
                    problems(pro().item(featureItem(SEATS).included(3))
                            .item(featureItem(SEATS).unlimited())),
                    "products[pro].items[2]",
                    "feature 'seats' already has an unpriced item at items[1] with the same reset (none); Autumn"
                            + " refuses two such items, merge them into one");
        }

        @Test
        void twoItemsForOneFeatureResetAndEntity() {
            assertOnly(
                    problems(pro().item(
                                    featureItem(API_CALLS).included(5).monthly().perEntity(SEATS))
                            .item(featureItem(API_CALLS).included(9).monthly().perEntity(SEATS))),
                    "products[pro].items[2]",
                    "feature 'api_calls' already has an unpriced item at items[1] with the same reset (month) and"
                            + " entity feature 'seats'; Autumn refuses two such items, merge them into one");
        }

        @Test
        void unlimitedConsumableIsStoredOneOff_clashesWithAOneOffGrant() {
            // Audit D14: unlimited + a one-off grant: refused.
            assertOnly(
                    problems(pro().item(featureItem(API_CALLS).unlimited())
                            .item(featureItem(API_CALLS).included(100).noReset())),
                    "products[pro].items[2]",
                    "feature 'api_calls' already has an unpriced item at items[1] with the same reset (one-off); Autumn"
                            + " refuses two such items, merge them into one");
        }

        @Test
        void threeItemsOfOneKind_refusedInEveryOrder() {
            // Audit D12/D13/D20: Autumn's check accepts some orders of three same-kind items and refuses them once
            // re-sent; every same-kind pair is refused here, whatever comes between.
            assertOnly(
                    problems(pro().item(featureItem(API_CALLS).included(1).monthly())
                            .item(pricedFeatureItem(API_CALLS)
                                    .price("0.01")
                                    .payPerUse()
                                    .monthly())
                            .item(featureItem(API_CALLS).included(2).monthly())),
                    "products[pro].items[3]",
                    "feature 'api_calls' already has an unpriced item at items[1] with the same reset (month); Autumn"
                            + " refuses two such items, merge them into one");
        }

        @Test
        void twoItemsForOneFeature_differentResetsOrEntities_areValid() {
            Product pro = pro().item(featureItem(API_CALLS).included(10).monthly())
                    .item(featureItem(API_CALLS).included(100).noReset())
                    .item(featureItem(API_CALLS).included(5).monthly().perEntity(SEATS));

            assertThat(problems(pro)).isEmpty();
        }

        @Test
        void weeklyAndMonthlyPrices() {
            assertOnly(
                    problems(pro().item(pricedFeatureItem(API_CALLS)
                            .price(1)
                            .payPerUse()
                            .weekly())),
                    "products[pro].items[1]",
                    "a product cannot bill both weekly and monthly, but this item bills every week and items[0] every"
                            + " month; use one of the two intervals");
        }

        @Test
        void weeklyAndQuarterlyPrices_areValid() {
            assertThat(problems(product("p")
                            .name("P")
                            .item(priceItem(5).weekly())
                            .item(pricedFeatureItem(SEATS).price(1).prepaid().quarterly())))
                    .isEmpty();
        }

        @Test
        void payPerUseBilledOneOff() {
            assertOnly(
                    problems(pro().item(pricedFeatureItem(API_CALLS)
                            .price(1)
                            .payPerUse()
                            .oneOff())),
                    "products[pro].items[1]",
                    "pay-per-use single-use feature 'api_calls' cannot be billed one-off; use .prepaid() for a one-off"
                            + " pack, or a recurring interval such as .monthly()");
        }

        @Test
        void payPerUseResetOtherThanBilling() {
            assertOnly(
                    problems(pro().item(pricedFeatureItem(API_CALLS)
                            .price(1)
                            .payPerUse()
                            .monthly()
                            .resetEvery(1, Interval.WEEK))),
                    "products[pro].items[1]",
                    "pay-per-use single-use feature 'api_calls' must reset when it is billed (month), was week; remove"
                            + " .resetEvery(1, Interval.WEEK), or use .prepaid()");
        }

        @Test
        void payPerUseNoReset() {
            assertOnly(
                    problems(pro().item(pricedFeatureItem(CREDITS)
                            .price(1)
                            .payPerUse()
                            .monthly()
                            .noReset())),
                    "products[pro].items[1]",
                    "pay-per-use credit system 'credits' must reset when it is billed (month), was one-off; remove"
                            + " .noReset(), or use .prepaid()");
        }

        @Test
        void prepaidResetOtherThanBilling_isValid() {
            assertThat(problems(pro().item(pricedFeatureItem(API_CALLS)
                            .price(5)
                            .per(1_000)
                            .prepaid()
                            .yearly()
                            .resetEvery(1, Interval.MONTH))))
                    .isEmpty();
        }

        @Test
        void volumeTiersPayPerUse() {
            assertOnly(
                    problems(pro().item(pricedFeatureItem(API_CALLS)
                            .volumeTiers(tier(1_000, "0.02"), lastTier("0.01"))
                            .payPerUse()
                            .monthly())),
                    "products[pro].items[1]",
                    "volume tiers need a prepaid item, this one is pay-per-use; use .tiers(...) for graduated tiers, or"
                            + " .prepaid()");
        }

        @Test
        void prorationPayPerUse() {
            assertOnly(
                    problems(pro().item(pricedFeatureItem(API_CALLS)
                            .price(1)
                            .payPerUse()
                            .monthly()
                            .prorate(OnIncrease.PRORATE_IMMEDIATELY, OnDecrease.NONE))),
                    "products[pro].items[1]",
                    "proration needs a prepaid item, this one is pay-per-use; remove .prorate(...), or use .prepaid()");
        }

        @Test
        void prepaidBillImmediately() {
            assertOnly(
                    problems(pro().item(pricedFeatureItem(SEATS)
                            .price(10)
                            .prepaid()
                            .monthly()
                            .prorate(OnIncrease.BILL_IMMEDIATELY, OnDecrease.PRORATE))),
                    "products[pro].items[1]",
                    "a prepaid item cannot use OnIncrease.BILL_IMMEDIATELY; use PRORATE_IMMEDIATELY,"
                            + " PRORATE_NEXT_CYCLE or BILL_NEXT_CYCLE");
        }

        @Test
        void rolloverOnContinuousPayPerUse() {
            assertOnly(
                    problems(pro().item(pricedFeatureItem(SEATS)
                            .price(10)
                            .payPerUse()
                            .monthly()
                            .rollover(rollover().upTo(5).forMonths(1)))),
                    "products[pro].items[1]",
                    "pay-per-use continuous-use feature 'seats' cannot roll over; remove .rollover(...), or use"
                            + " .prepaid()");
        }

        @Test
        void rolloverOnSingleUsePayPerUseAndContinuousPrepaid_isValid() {
            assertThat(problems(pro().item(pricedFeatureItem(API_CALLS)
                                    .included(100)
                                    .price(1)
                                    .payPerUse()
                                    .monthly()
                                    .rollover(rollover().upToPercent(50).forever()))
                            .item(pricedFeatureItem(SEATS)
                                    .price(10)
                                    .prepaid()
                                    .monthly()
                                    .rollover(rollover().upTo(2).forMonths(1))
                                    .prorate(OnIncrease.PRORATE_IMMEDIATELY, OnDecrease.NO_PRORATIONS))))
                    .isEmpty();
        }
    }

    @Nested
    class Tiers {
        @Test
        void validGraduatedAndVolumeTiers_areValid() {
            Product pro = pro().item(pricedFeatureItem(API_CALLS)
                            .included(1_000)
                            .tiers(tier(5_000, "0.01"), tier(50_000, "0.005"), lastTier("0.001"))
                            .payPerUse()
                            .monthly())
                    .item(pricedFeatureItem(SEATS)
                            .volumeTiers(tier(10, 8).flat(20), lastTier(6).flat(50))
                            .prepaid()
                            .monthly());

            assertThat(problems(pro)).isEmpty();
        }

        @Test
        void singleTier() {
            assertOnly(
                    problems(pro().item(pricedFeatureItem(API_CALLS)
                            .tiers(lastTier("0.01"))
                            .payPerUse()
                            .monthly())),
                    "products[pro].items[1]",
                    "a single tier is stored by Autumn as a per-unit price; use .price(amount) instead of tiers");
        }

        @Test
        void unboundedTierBeforeTheLast() {
            assertOnly(
                    problems(pro().item(pricedFeatureItem(API_CALLS)
                            .tiers(lastTier("0.02"), lastTier("0.01"))
                            .payPerUse()
                            .monthly())),
                    "products[pro].items[1].tiers[0]",
                    "only the last tier can be unbounded; give this tier an upTo: tier(n, amount)");
        }

        @Test
        void boundedLastTier() {
            assertOnly(
                    problems(pro().item(pricedFeatureItem(API_CALLS)
                            .tiers(tier(1_000, "0.02"), tier(5_000, "0.01"))
                            .payPerUse()
                            .monthly())),
                    "products[pro].items[1].tiers[1]",
                    "the last tier must be unbounded, was upTo 5000; end the tiers with lastTier(amount)");
        }

        @Test
        void tiersNotAscending() {
            assertOnly(
                    problems(pro().item(pricedFeatureItem(API_CALLS)
                            .tiers(tier(5_000, "0.02"), tier(5_000, "0.01"), lastTier("0.005"))
                            .payPerUse()
                            .monthly())),
                    "products[pro].items[1].tiers[1]",
                    "tier upTo must be greater than the previous tier's (was 5000 after 5000); list tiers in ascending"
                            + " order");
        }

        @Test
        void firstTierNotAboveIncludedUsage() {
            assertOnly(
                    problems(pro().item(pricedFeatureItem(API_CALLS)
                            .included(1_000)
                            .tiers(tier(1_000, "0.02"), lastTier("0.01"))
                            .payPerUse()
                            .monthly())),
                    "products[pro].items[1].tiers[0]",
                    "the first tier must end above included usage (upTo 1000, included 1000); tiers count total usage,"
                            + " so raise upTo above 1000");
        }

        @Test
        void flatAmountOnGraduatedTiers() {
            assertOnly(
                    problems(pro().item(pricedFeatureItem(SEATS)
                            .tiers(tier(10, 8), lastTier(6).flat("49.5"))
                            .prepaid()
                            .monthly())),
                    "products[pro].items[1].tiers[1]",
                    "a flat amount needs volume tiers, these are graduated; remove .flat(49.5), or use"
                            + " .volumeTiers(...)");
        }

        @Test
        void flatAmountOnASingleVolumeTier() {
            List<Problem> problems = problems(pro().item(pricedFeatureItem(SEATS)
                    .volumeTiers(lastTier(6).flat(50))
                    .prepaid()
                    .monthly()));

            assertThat(problems)
                    .containsExactly(
                            new Problem(
                                    "products[pro].items[1]",
                                    "a single tier is stored by Autumn as a per-unit price; use .price(amount) instead"
                                            + " of tiers"),
                            new Problem(
                                    "products[pro].items[1].tiers[0]",
                                    "a flat amount needs more than one tier; remove .flat(50), or add tiers"));
        }
    }

    @Nested
    class ArchivedAndEventNames {
        @Test
        void itemsMayUseTheFeatureAsDeclaredBeforeArchivingOrNamingEvents() {
            // Items send the feature id only: archived and event names are the declaration's.
            Catalog catalog = catalog(
                    product("legacy")
                            .name("Legacy")
                            .item(featureItem(API_CALLS).included(5).monthly())
                            .archived(),
                    API_CALLS.archived().eventNames("api.request"));
            assertThat(catalog.features()).containsExactly(API_CALLS.archived().eventNames("api.request"));
            assertThat(problems(
                            API_CALLS.archived().eventNames("api.request"),
                            SSO,
                            product("legacy")
                                    .name("Legacy")
                                    .item(featureItem(API_CALLS).included(5).monthly())
                                    .archived()))
                    .isEmpty();
        }

        @Test
        void eventNameWithANul_isRefusedWithItsIndex() {
            assertThat(problems(API_CALLS.eventNames("api.request", "api\0call")))
                    .extracting(Problem::path, Problem::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            "features[api_calls]",
                            "feature 'api_calls' event name 'api\0call' has a NUL character (\\u0000) at index 3;"
                                    + " Autumn refuses it (500 internal_error): remove it"));
        }

        @Test
        void emptyEventName() {
            assertThat(problems(API_CALLS.eventNames("api.request", "")))
                    .extracting(Problem::path, Problem::message)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            "features[api_calls]", "feature 'api_calls' event name 2 is empty; remove it"));
        }
    }

    @Nested
    class FreeTrials {
        @Test
        void trialWithCardOnAFreeProduct() {
            // Audit TR3: stored with card_required false, a change: refused.
            assertOnly(
                    problems(product("free")
                            .name("Free")
                            .item(featureItem(SSO))
                            .freeTrial(freeTrial(7).days())),
                    "products[free].freeTrial",
                    "a free product's free trial cannot require a card (Autumn stores it without); add"
                            + " .noCardRequired(), or add a price");
        }

        @Test
        void cardlessTrialOnAFreeProduct_isValid() {
            // Audit TR3b: stored as sent.
            assertThat(problems(product("free")
                            .name("Free")
                            .item(featureItem(SSO))
                            .freeTrial(freeTrial(7).days().noCardRequired())))
                    .isEmpty();
        }

        @Test
        void trialOnAProductWithOnlyOneOffPrices() {
            assertOnly(
                    problems(product("pack")
                            .name("Pack")
                            .item(priceItem(5).oneOff())
                            .item(pricedFeatureItem(CREDITS)
                                    .price(1)
                                    .per(100)
                                    .prepaid()
                                    .oneOff())
                            .freeTrial(freeTrial(7).days())),
                    "products[pack].freeTrial",
                    "a product whose prices are all one-off cannot have a free trial; remove .freeTrial(...), or bill a"
                            + " price on an interval");
        }

        @Test
        void trialWithOnlyARecurringUsagePrice_isValid() {
            assertThat(problems(product("metered")
                            .name("Metered")
                            .item(pricedFeatureItem(API_CALLS)
                                    .price(1)
                                    .per(1_000)
                                    .payPerUse()
                                    .monthly())
                            .freeTrial(freeTrial(1).months())))
                    .isEmpty();
        }
    }

    @Nested
    class Products {
        @Test
        void duplicateProductId_reportedOnceAtTheSecondDeclaration() {
            assertOnly(
                    problems(pro(), pro().name("Pro 2"), pro().name("Pro 3")),
                    "products[pro]",
                    "product id 'pro' is declared 3 times, as 'Pro', 'Pro 2' and 'Pro 3'; keep one declaration per id");
        }

        @Test
        void equalProducts_areKeptOnceByCatalogOf() {
            assertThat(problems(pro(), pro())).isEmpty();
        }

        @Test
        void defaultProductWithPrices() {
            assertOnly(
                    problems(pro().defaultProduct()),
                    "products[pro]",
                    "a default product must be free, or have a free trial without card; remove .defaultProduct(), or"
                            + " add .freeTrial(freeTrial(14).days().noCardRequired())");
        }

        @Test
        void defaultProductWithATrialThatNeedsACard() {
            assertOnly(
                    problems(pro().defaultProduct().freeTrial(freeTrial(14).days())),
                    "products[pro]",
                    "a default product must be free, or have a free trial without card; remove .defaultProduct(), or"
                            + " add .freeTrial(freeTrial(14).days().noCardRequired())");
        }

        @Test
        void defaultProductWithOnlyAUsagePrice_isNotFree() {
            assertOnly(
                    problems(product("metered")
                            .name("Metered")
                            .defaultProduct()
                            .item(pricedFeatureItem(API_CALLS)
                                    .price(1)
                                    .payPerUse()
                                    .monthly())),
                    "products[metered]",
                    "a default product must be free, or have a free trial without card; remove .defaultProduct(), or"
                            + " add .freeTrial(freeTrial(14).days().noCardRequired())");
        }

        @Test
        void secondFreeDefaultInAGroup() {
            assertOnly(
                    problems(
                            product("free").name("Free").group("main").defaultProduct(),
                            product("hobby").name("Hobby").group("main").defaultProduct()),
                    "products[hobby]",
                    "group 'main' already has a free default product, 'free'; remove .defaultProduct() from one of"
                            + " them");
        }

        @Test
        void secondFreeDefaultWithoutGroup() {
            assertOnly(
                    problems(
                            product("free").name("Free").defaultProduct(),
                            product("hobby").name("Hobby").defaultProduct()),
                    "products[hobby]",
                    "the default group (no group) already has a free default product, 'free'; remove .defaultProduct()"
                            + " from one of them");
        }

        @Test
        void secondDefaultTrialInAGroup() {
            assertOnly(
                    problems(
                            pro().group("main")
                                    .defaultProduct()
                                    .freeTrial(freeTrial(14).days().noCardRequired()),
                            product("team")
                                    .name("Team")
                                    .group("main")
                                    .item(priceItem(50).monthly())
                                    .defaultProduct()
                                    .freeTrial(freeTrial(1).months().noCardRequired())),
                    "products[team]",
                    "group 'main' already has a default trial product, 'pro'; remove .defaultProduct() from one of"
                            + " them");
        }

        @Test
        void oneFreeDefaultAndOneDefaultTrialPerGroup_areValid() {
            assertThat(problems(
                            product("free").name("Free").group("main").defaultProduct(),
                            pro().group("main")
                                    .defaultProduct()
                                    .freeTrial(freeTrial(14).days().noCardRequired()),
                            product("free_b").name("Free B").group("b").defaultProduct(),
                            product("free_none").name("Free").defaultProduct()))
                    .isEmpty();
        }
    }

    @Nested
    class Reporting {
        @Test
        void everyProblem_inCatalogOrder() {
            Feature duplicate = feature("sso").name("SSO").continuousUse();
            Feature credits = feature("credits").name("Credits").creditSystem(cost(SEATS, 1));
            Product free = product("free")
                    .name("Free")
                    .item(featureItem(SSO).included(5))
                    .item(featureItem(API_CALLS).monthly().included(1));
            Product pro = pro().defaultProduct()
                    .item(priceItem(30).monthly())
                    .item(pricedFeatureItem(API_CALLS)
                            .tiers(tier(10, 1), tier(5, 1))
                            .payPerUse()
                            .oneOff())
                    .freeTrial(freeTrial(3).days());

            Catalog catalog = new Catalog(List.of(API_CALLS, SSO, SEATS, duplicate, credits), List.of(free, pro));

            assertThat(catalog.validate())
                    .extracting(Problem::path)
                    .containsExactly(
                            "features[sso]",
                            "features[credits].creditSchema[0]",
                            "products[free].items[0]",
                            "products[pro]",
                            "products[pro].items[1]",
                            "products[pro].items[2]",
                            "products[pro].items[2].tiers[1]",
                            "products[pro].items[2].tiers[1]");
        }

        @Test
        void requireValid_listsEveryProblem() {
            Catalog catalog = catalog(
                    product("free").name("Free").item(featureItem(SSO).included(5)),
                    pro().item(priceItem(30).monthly()));

            assertThatThrownBy(catalog::requireValid)
                    .isInstanceOf(CatalogValidationException.class)
                    .hasMessage("Catalog has 2 problems:\n"
                            + "  products[free].items[0]: boolean feature 'sso' cannot have included usage (was 5);"
                            + " remove .included(5)\n"
                            + "  products[pro].items[1]: a product can have only one price item, and items[0] already"
                            + " is one; remove this one");
        }
    }
}
