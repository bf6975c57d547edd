package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The DSL: every factory of the catalog model, made for {@code import static dev.autumncatalog.dsl.Autumn.*}.
 *
 * <pre>{@code
 * public static final Feature API_CALLS = feature("api_calls").name("API Calls").singleUse();
 * public static final Feature SSO = feature("sso").name("Single sign-on").booleanFlag();
 *
 * public static final Product FREE = product("free").name("Free").defaultProduct()
 *     .item(featureItem(API_CALLS).included(1_000).monthly());
 * public static final Product PRO = product("pro").name("Pro")
 *     .item(priceItem(20).monthly())
 *     .item(featureItem(API_CALLS).included(10_000).monthly())
 *     .item(featureItem(SSO));
 *
 * Catalog catalog = catalog(FREE, PRO);
 * }</pre>
 *
 * Amounts are exact: {@code priceItem(10)}, {@code priceItem("9.99")} and {@code priceItem(new BigDecimal("9.99"))};
 * no amount ever passes through {@code double}.
 */
public final class Autumn {
    private Autumn() {}

    // Features

    /** Starts a feature: {@code feature("api_calls").name("API Calls").singleUse()}. */
    public static FeatureStep feature(String id) {
        return new FeatureStep(id);
    }

    /** A credit-schema entry: one unit of {@code feature} costs {@code credits}: {@code cost(API_CALLS, 1)}. */
    public static CreditCost cost(Feature feature, long credits) {
        return new CreditCost(feature, BigDecimal.valueOf(credits));
    }

    /** A credit-schema entry with an exact decimal cost: {@code cost(AI_TOKENS, "0.01")}. */
    public static CreditCost cost(Feature feature, String credits) {
        return new CreditCost(feature, Checks.decimal("credit cost", credits));
    }

    /** A credit-schema entry. */
    public static CreditCost cost(Feature feature, BigDecimal credits) {
        return new CreditCost(feature, credits);
    }

    // Products

    /** Starts a product: {@code product("pro").name("Pro")}. */
    public static ProductStep product(String id) {
        return new ProductStep(id);
    }

    /** The step of {@link #product(String)}: the product needs a name. Exists only as a return type. */
    public static final class ProductStep {
        private final String id;

        ProductStep(String id) {
            Checks.id("product", id);
            this.id = id;
        }

        /** Names the product; it is complete from here on. */
        public Product name(String name) {
            return new Product(id, name, null, null, false, false, null, java.util.List.of());
        }
    }

    /** A free trial of {@code length} units: {@code freeTrial(14).days()}. */
    public static FreeTrial.Step freeTrial(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("free trial length must be ≥ 1, was " + length);
        }
        return new FreeTrial.Step(length);
    }

    // Items

    /** A fixed price: {@code priceItem(20).monthly()}. */
    public static PriceStep priceItem(long amount) {
        return priceItem(BigDecimal.valueOf(amount));
    }

    /** A fixed price, exact: {@code priceItem("9.99").monthly()}. */
    public static PriceStep priceItem(String amount) {
        return priceItem(Checks.decimal("price amount", amount));
    }

    /** A fixed price. */
    public static PriceStep priceItem(BigDecimal amount) {
        Checks.positive("price amount", amount);
        Checks.atMostTwoDecimals("price amount", Checks.normalise(amount));
        return new PriceStep(amount);
    }

    /** A feature granted without a usage price: {@code featureItem(API_CALLS).included(10_000).monthly()}. */
    public static FeatureItem featureItem(Feature feature) {
        return new FeatureItem.Draft(Objects.requireNonNull(feature, "feature")).item();
    }

    /** A feature with a usage price: {@code pricedFeatureItem(SEATS).price(10).prepaid().monthly()}. */
    public static PricedFeatureStep pricedFeatureItem(Feature feature) {
        return new PricedFeatureStep(feature, 0);
    }

    /** A tier up to {@code upTo} units of total usage: {@code tier(10_000, "0.01")}. */
    public static Tier tier(long upTo, String amount) {
        return new Tier(upTo, Checks.decimal("tier amount", amount), null);
    }

    /** A tier up to {@code upTo} units of total usage. */
    public static Tier tier(long upTo, long amount) {
        return new Tier(upTo, BigDecimal.valueOf(amount), null);
    }

    /** A tier up to {@code upTo} units of total usage. */
    public static Tier tier(long upTo, BigDecimal amount) {
        return new Tier(upTo, amount, null);
    }

    /** The unbounded last tier: {@code lastTier("0.005")}. */
    public static Tier lastTier(String amount) {
        return new Tier(null, Checks.decimal("tier amount", amount), null);
    }

    /** The unbounded last tier. */
    public static Tier lastTier(long amount) {
        return new Tier(null, BigDecimal.valueOf(amount), null);
    }

    /** The unbounded last tier. */
    public static Tier lastTier(BigDecimal amount) {
        return new Tier(null, amount, null);
    }

    /** Starts a rollover: {@code rollover().upTo(500).forMonths(1)}. */
    public static Rollover.Step rollover() {
        return new Rollover.Step(null, null);
    }

    // Catalog

    /** A catalog of features, products and other catalogs, with every feature they reference. */
    public static Catalog catalog(CatalogPart... parts) {
        return Catalog.of(parts);
    }
}
