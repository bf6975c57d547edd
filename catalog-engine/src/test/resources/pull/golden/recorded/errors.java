// Pulled from Autumn. Edit it as your own catalog; a pull refuses to replace it once edited.
package com.example.pricing;

import static dev.autumncatalog.dsl.Autumn.catalog;
import static dev.autumncatalog.dsl.Autumn.cost;
import static dev.autumncatalog.dsl.Autumn.feature;
import static dev.autumncatalog.dsl.Autumn.featureItem;
import static dev.autumncatalog.dsl.Autumn.freeTrial;
import static dev.autumncatalog.dsl.Autumn.lastTier;
import static dev.autumncatalog.dsl.Autumn.priceItem;
import static dev.autumncatalog.dsl.Autumn.pricedFeatureItem;
import static dev.autumncatalog.dsl.Autumn.product;
import static dev.autumncatalog.dsl.Autumn.tier;

import dev.autumncatalog.dsl.Catalog;
import dev.autumncatalog.dsl.CatalogDefinition;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.dsl.Product;

/**
 * The Autumn catalog as pulled: 10 features and 19 products (Autumn calls them plans), archived ones included.
 *
 * <p>Not pulled:
 *
 * <ul>
 *   <li>feature {@code e_credits_missing}: the credit schema uses feature 'nope', which Autumn does not list
 * </ul>
 */
public final class PulledCatalog implements CatalogDefinition {
    public static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();

    public static final Feature SSO = feature("sso").name("SSO").booleanFlag();

    public static final Feature SPARE = feature("spare").name("Spare").booleanFlag();

    public static final Feature METERED_USED = feature("metered_used").name("Metered Used").continuousUse();

    public static final Feature E_NO_CONSUMABLE = feature("e_no_consumable").name("No Consumable").continuousUse();

    public static final Feature BAD_ID = feature("bad id!").name("Bad").booleanFlag() /* autumn:pull: feature id must contain only letters, digits, '_' and '-', was 'bad id!'; for example 'bad_id' — Autumn holds this; fix it here or in Autumn */;

    public static final Feature E_CREDITS_BOOL = feature("e_credits_bool").name("Credits").creditSystem(cost(SSO, 1)) /* autumn:pull: credit system 'e_credits_bool' cannot draw from boolean feature 'sso'; a credit schema takes single-use features only — Autumn holds this; fix it here or in Autumn */;

    public static final Feature E_CREDITS_NEG = feature("e_credits_neg").name("Credits").creditSystem(cost(API_CALLS, -1)) /* autumn:pull: credit cost of feature 'api_calls' must be ≥ 0, was -1 — Autumn holds this; fix it here or in Autumn */;

    public static final Feature SEATS_RENAMED = feature("seats_renamed").name("Seats").continuousUse();

    /**
     * Archived on Autumn.
     */
    public static final Feature OLD_FEATURE = feature("old_feature").name("Old Feature").singleUse().archived();

    public static final Product AFTER_POISON = product("after_poison").name("After Poison");

    public static final Product BASIC = product("basic")
            .name("Basic")
            .item(priceItem(10).monthly())
            .item(featureItem(API_CALLS).included(100).monthly())
            .item(featureItem(SEATS_RENAMED).included(1));

    public static final Product E_ARCHIVED_FEATURE = product("e_archived_feature")
            .name("E Archived Feature")
            .item(featureItem(OLD_FEATURE).included(10).monthly());

    public static final Product E_BOOL_PRICE = product("e_bool_price")
            .name("E Bool Price")
            .item(pricedFeatureItem(SSO).price(5).prepaid().monthly()) /* autumn:pull: boolean feature 'sso' cannot have a usage price; use featureItem(...) instead — Autumn holds this; fix it here or in Autumn */;

    public static final Product E_BOOL_RESET = product("e_bool_reset")
            .name("E Bool Reset")
            .item(featureItem(SSO));

    public static final Product E_DUP_ITEMS = product("e_dup_items").name("E Dup Items");

    public static final Product E_LAST_TIER_FINITE = product("e_last_tier_finite")
            .name("E Last Tier Finite")
            .item(pricedFeatureItem(API_CALLS).tiers(tier(500, "0.02"), tier(1000, "0.01")).payPerUse().monthly()) /* autumn:pull: the last tier must be unbounded, was upTo 1000; end the tiers with lastTier(amount) — Autumn holds this; fix it here or in Autumn */;

    public static final Product E_NEG_INCLUDED = product("e_neg_included").name("E Neg Included");

    public static final Product E_NEGATIVE_BASE_PRICE = product("e_negative_base_price")
            .name("E Negative Base Price")
            .item(priceItem(-5).monthly()) /* autumn:pull: price amount must be ≥ 0, was -5 — Autumn holds this; fix it here or in Autumn */;

    public static final Product E_NEGATIVE_ITEM_PRICE = product("e_negative_item_price")
            .name("E Negative Item Price")
            .item(pricedFeatureItem(API_CALLS).price("-0.01").payPerUse().monthly()) /* autumn:pull: usage price amount must be > 0, was -0.01 — Autumn holds this; fix it here or in Autumn */;

    public static final Product E_NEGATIVE_TIER = product("e_negative_tier")
            .name("E Negative Tier")
            .item(pricedFeatureItem(API_CALLS).tiers(tier(100, -1), lastTier("0.5")).payPerUse().monthly()) /* autumn:pull: tier amount must be ≥ 0, was -1 — Autumn holds this; fix it here or in Autumn */;

    public static final Product E_NO_RESET = product("e_no_reset")
            .name("E No Reset")
            .item(featureItem(API_CALLS).included(100).noReset());

    public static final Product E_PREPAID_MISMATCH = product("e_prepaid_mismatch")
            .name("E Prepaid Mismatch")
            .item(pricedFeatureItem(API_CALLS)
                    .included(100)
                    .price(1)
                    .per(100)
                    .prepaid()
                    .monthly()
                    .resetEvery(1, Interval.WEEK));

    public static final Product E_RESET_MINUTE = product("e_reset_minute")
            .name("E Reset Minute")
            .item(featureItem(API_CALLS).included(1).resetEvery(1, Interval.MINUTE));

    public static final Product E_SEATS_RESET = product("e_seats_reset")
            .name("E Seats Reset")
            .item(featureItem(SEATS_RENAMED).included(5));

    public static final Product E_TIERS_DESC = product("e_tiers_desc")
            .name("E Tiers Desc")
            .item(pricedFeatureItem(API_CALLS).tiers(tier(1000, "0.02"), tier(500, "0.01"), lastTier("0.005")).payPerUse().monthly()) /* autumn:pull: tier upTo must be greater than the previous tier's (was 500 after 1000); list tiers in ascending order — Autumn holds this; fix it here or in Autumn */;

    public static final Product E_TRIAL_FREE = product("e_trial_free")
            .name("E Trial Free")
            .item(featureItem(SSO))
            .freeTrial(freeTrial(7).days().noCardRequired());

    public static final Product E_UNLIMITED_INCLUDED = product("e_unlimited_included")
            .name("E Unlimited Included")
            .item(featureItem(API_CALLS).unlimited());

    public static final Product USES_METERED = product("uses_metered")
            .name("Uses Metered")
            .item(pricedFeatureItem(METERED_USED).included(100).price("0.5").per(10).payPerUse().monthly());

    /**
     * Creates the definition; the plugin calls this public no-argument constructor.
     */
    public PulledCatalog() {
    }

    /**
     * Every pulled feature and product.
     */
    @Override
    public Catalog define() {
        return catalog(
                API_CALLS,
                SSO,
                SPARE,
                METERED_USED,
                E_NO_CONSUMABLE,
                BAD_ID,
                E_CREDITS_BOOL,
                E_CREDITS_NEG,
                SEATS_RENAMED,
                OLD_FEATURE,
                AFTER_POISON,
                BASIC,
                E_ARCHIVED_FEATURE,
                E_BOOL_PRICE,
                E_BOOL_RESET,
                E_DUP_ITEMS,
                E_LAST_TIER_FINITE,
                E_NEG_INCLUDED,
                E_NEGATIVE_BASE_PRICE,
                E_NEGATIVE_ITEM_PRICE,
                E_NEGATIVE_TIER,
                E_NO_RESET,
                E_PREPAID_MISMATCH,
                E_RESET_MINUTE,
                E_SEATS_RESET,
                E_TIERS_DESC,
                E_TRIAL_FREE,
                E_UNLIMITED_INCLUDED,
                USES_METERED);
    }
}
