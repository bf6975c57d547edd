package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import dev.autumncatalog.dsl.internal.Notes;
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
        return cost(feature, BigDecimal.valueOf(credits));
    }

    /** A credit-schema entry with an exact decimal cost: {@code cost(AI_TOKENS, "0.01")}. */
    public static CreditCost cost(Feature feature, String credits) {
        Objects.requireNonNull(feature, "feature");
        BigDecimal parsed = Checks.parse("credit cost", credits);
        if (parsed == null) {
            return Notes.NONE
                    .unreadable("credits", Checks.notANumber("credit cost", credits))
                    .on(new CreditCost(feature, Checks.NOT_A_NUMBER));
        }
        return cost(feature, parsed);
    }

    /** A credit-schema entry. */
    public static CreditCost cost(Feature feature, BigDecimal credits) {
        CreditCost cost = new CreditCost(Objects.requireNonNull(feature, "feature"), credits);
        return Notes.NONE
                .check("credits", Checks.creditCost(feature.id(), cost.credits()))
                .on(cost);
    }

    // Products

    /** Starts a product: {@code product("pro").name("Pro")}. */
    public static ProductStep product(String id) {
        return new ProductStep(id);
    }

    /** The step of {@link #product(String)}: the product needs a name. Exists only as a return type. */
    public static final class ProductStep {
        private final String id;
        private final Notes notes;

        ProductStep(String id) {
            this.id = Objects.requireNonNull(id, "product id");
            this.notes = Notes.NONE.check("id", Checks.id("product", id));
        }

        /** Names the product; it is complete from here on. */
        public Product name(String name) {
            Checks.requireName("product", id, name);
            return Product.named(id, name, notes.check("name", Checks.name("product", id, name)));
        }
    }

    /** A free trial of {@code length} units: {@code freeTrial(14).days()}. */
    public static FreeTrial.Step freeTrial(int length) {
        return new FreeTrial.Step(length, Notes.NONE.check("length", Checks.trialLength(length)));
    }

    // Items

    /** A fixed price: {@code priceItem(20).monthly()}. */
    public static PriceStep priceItem(long amount) {
        return priceItem(BigDecimal.valueOf(amount));
    }

    /** A fixed price, exact: {@code priceItem("9.99").monthly()}. */
    public static PriceStep priceItem(String amount) {
        BigDecimal parsed = Checks.parse("price amount", amount);
        if (parsed == null) {
            return new PriceStep(
                    Checks.NOT_A_NUMBER, Notes.NONE.unreadable("amount", Checks.notANumber("price amount", amount)));
        }
        return priceItem(parsed);
    }

    /** A fixed price. */
    public static PriceStep priceItem(BigDecimal amount) {
        BigDecimal normalised = Checks.normalise(Objects.requireNonNull(amount, "price amount"));
        return new PriceStep(normalised, Notes.NONE.check("amount", Checks.priceAmount(normalised)));
    }

    /** A feature granted without a usage price: {@code featureItem(API_CALLS).included(10_000).monthly()}. */
    public static FeatureItem featureItem(Feature feature) {
        return new FeatureItem.Draft(Objects.requireNonNull(feature, "feature")).item();
    }

    /** A feature with a usage price: {@code pricedFeatureItem(SEATS).price(10).prepaid().monthly()}. */
    public static PricedFeatureStep pricedFeatureItem(Feature feature) {
        return new PricedFeatureStep(feature, 0, Notes.NONE);
    }

    /** A tier up to {@code upTo} units of total usage: {@code tier(10_000, "0.01")}. */
    public static Tier tier(long upTo, String amount) {
        return makeTier(upTo, amount);
    }

    /** A tier up to {@code upTo} units of total usage. */
    public static Tier tier(long upTo, long amount) {
        return tier(upTo, BigDecimal.valueOf(amount));
    }

    /** A tier up to {@code upTo} units of total usage. */
    public static Tier tier(long upTo, BigDecimal amount) {
        return makeTier(upTo, amount, Notes.NONE);
    }

    /** The unbounded last tier: {@code lastTier("0.005")}. */
    public static Tier lastTier(String amount) {
        return makeTier(null, amount);
    }

    /** The unbounded last tier. */
    public static Tier lastTier(long amount) {
        return lastTier(BigDecimal.valueOf(amount));
    }

    /** The unbounded last tier. */
    public static Tier lastTier(BigDecimal amount) {
        return makeTier(null, amount, Notes.NONE);
    }

    private static Tier makeTier(Long upTo, String amount) {
        BigDecimal parsed = Checks.parse("tier amount", amount);
        if (parsed == null) {
            Notes notes = Notes.NONE.unreadable("amount", Checks.notANumber("tier amount", amount));
            return makeTier(upTo, Checks.NOT_A_NUMBER, notes);
        }
        return makeTier(upTo, parsed, Notes.NONE);
    }

    private static Tier makeTier(Long upTo, BigDecimal amount, Notes notes) {
        Objects.requireNonNull(amount, "tier amount");
        Notes checked = notes.check("upTo", Checks.tierUpTo(upTo));
        if (checked.get("amount") == null) {
            checked = checked.check("amount", Checks.notNegative("tier amount", amount));
        }
        return checked.on(new Tier(upTo, amount, null));
    }

    /** Starts a rollover: {@code rollover().upTo(500).forMonths(1)}. */
    public static Rollover.Step rollover() {
        return new Rollover.Step(null, null, Notes.NONE);
    }

    // Catalog

    /** A catalog of features, products and other catalogs, with every feature they reference. */
    public static Catalog catalog(CatalogPart... parts) {
        return Catalog.of(parts);
    }
}
