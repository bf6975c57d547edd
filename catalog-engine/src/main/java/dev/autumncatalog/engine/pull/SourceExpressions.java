package dev.autumncatalog.engine.pull;

import static dev.autumncatalog.engine.pull.Expr.call;
import static dev.autumncatalog.engine.pull.Expr.member;
import static dev.autumncatalog.engine.pull.Expr.string;
import static dev.autumncatalog.engine.pull.Expr.text;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.autumncatalog.dsl.BillingMethod;
import dev.autumncatalog.dsl.BooleanFeature;
import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.CreditSystem;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.FreeTrial;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.MeteredFeature;
import dev.autumncatalog.dsl.OnDecrease;
import dev.autumncatalog.dsl.OnIncrease;
import dev.autumncatalog.dsl.PerUnitPrice;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.dsl.Rollover;
import dev.autumncatalog.dsl.Tier;
import dev.autumncatalog.dsl.TierBehavior;
import dev.autumncatalog.dsl.TieredPrice;
import dev.autumncatalog.engine.model.FeatureVisitor;
import dev.autumncatalog.engine.model.ItemVisitor;
import dev.autumncatalog.engine.model.UsagePriceVisitor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The DSL expressions of pulled features, products and items, as a person would write them: {@code
 * feature("api_calls").name("API Calls").singleUse()}, {@code featureItem(API_CALLS).included(10_000).monthly()},
 * {@code priceItem(20).monthly()}. Records the static imports of {@code Autumn} each expression uses.
 */
final class SourceExpressions {
    private static final ClassName INTERVAL = ClassName.get(Interval.class);
    private static final ClassName ON_INCREASE = ClassName.get(OnIncrease.class);
    private static final ClassName ON_DECREASE = ClassName.get(OnDecrease.class);
    private static final ClassName ROLLOVER = ClassName.get(Rollover.class);
    private static final ClassName BIG_DECIMAL = ClassName.get(BigDecimal.class);

    /** Price and usage billing shortcuts: {@code .monthly()}. */
    private static final Map<Interval, String> BILLING_CALLS = new EnumMap<>(Map.of(
            Interval.WEEK, "weekly",
            Interval.MONTH, "monthly",
            Interval.QUARTER, "quarterly",
            Interval.SEMI_ANNUAL, "semiAnnually",
            Interval.YEAR, "yearly"));

    /** Feature item reset shortcuts: the billing ones plus {@code .hourly()} and {@code .daily()}. */
    private static final Map<Interval, String> RESET_CALLS = resetCalls();

    /** How a feature that another entity uses is written: its constant, or the feature inline. */
    interface References {
        /**
         * @param feature the feature used
         * @param where the user, for notes: {@code product 'pro'}
         * @param comments the comments of the constant being written, for what the reference has to say
         */
        Expr reference(Feature feature, String where, List<String> comments);
    }

    private final References references;
    private final Set<String> staticImports = new TreeSet<>();

    SourceExpressions(References references) {
        this.references = references;
    }

    /** The methods of {@code Autumn} the expressions so far call, sorted. */
    Set<String> staticImports() {
        return staticImports;
    }

    /** {@code feature("credits").name("Credits").creditSystem(cost(API_CALLS, 1))}. */
    Expr feature(Feature feature, String where, List<String> comments) {
        Expr.Chain chain = use("feature", string(feature.id())).then("name", string(feature.name()));
        Expr.Chain typed = FeatureVisitor.visit(feature, new FeatureVisitor<Expr.Chain>() {
            @Override
            public Expr.Chain booleanFeature(BooleanFeature feature) {
                return chain.then("booleanFlag");
            }

            @Override
            public Expr.Chain meteredFeature(MeteredFeature feature) {
                return chain.then(feature.consumable() ? "singleUse" : "continuousUse");
            }

            @Override
            public Expr.Chain creditSystem(CreditSystem feature) {
                List<Expr> costs = new ArrayList<>();
                for (CreditCost cost : feature.creditSchema()) {
                    costs.add(
                            use("cost", references.reference(cost.feature(), where, comments), amount(cost.credits())));
                }
                return chain.then("creditSystem", costs.toArray(new Expr[0]));
            }
        });
        if (!feature.eventNames().isEmpty()) {
            typed = typed.then(
                    "eventNames",
                    feature.eventNames().stream().map(Expr::string).toArray(Expr[]::new));
        }
        return feature.isArchived() ? typed.then("archived") : typed;
    }

    /**
     * {@link #feature(Feature, String, List)} with marker comments ({@link Expr#marker} texts): {@code markers} after
     * {@code feature("x")}, {@code schemaMarkers} after {@code .creditSystem(…)} (or the first call, for a feature
     * that is no credit system).
     */
    Expr feature(
            Feature feature, String where, List<String> comments, List<String> markers, List<String> schemaMarkers) {
        Expr.Chain chain = (Expr.Chain) feature(feature, where, comments);
        for (String marker : markers) {
            chain = chain.marked(0, marker);
        }
        int schema = Math.max(0, chain.indexOf("creditSystem"));
        for (String marker : schemaMarkers) {
            chain = chain.marked(schema, marker);
        }
        return chain;
    }

    /** {@code product("pro").name("Pro")…}, one item per line. */
    Expr product(Product product, List<String> comments) {
        return product(product, comments, List.of(), Map.of());
    }

    /**
     * {@code product("pro").name("Pro")…}, one item per line, with marker comments ({@link Expr#marker} texts): {@code
     * markers} after {@code product("pro")}, {@code itemMarkers} after the item of that index.
     */
    Expr product(Product product, List<String> comments, List<String> markers, Map<Integer, List<String>> itemMarkers) {
        String where = "product '" + product.id() + "'";
        Expr.Chain chain = use("product", string(product.id())).then("name", string(product.name()));
        if (product.description() != null) {
            chain = chain.then("description", string(product.description()));
        }
        if (product.group() != null) {
            chain = chain.then("group", string(product.group()));
        }
        if (product.isAddOn()) {
            chain = chain.then("addOn");
        }
        if (product.isDefault()) {
            chain = chain.then("defaultProduct");
        }
        if (product.isArchived()) {
            chain = chain.then("archived");
        }
        for (int i = 0; i < product.items().size(); i++) {
            int call = chain.size();
            chain = chain.then("item", item(product.items().get(i), where, comments));
            for (String marker : itemMarkers.getOrDefault(i, List.of())) {
                chain = chain.marked(call, marker);
            }
        }
        FreeTrial trial = product.freeTrial();
        if (trial != null) {
            Expr.Chain trialExpr = use("freeTrial", number(trial.length())).then(trialUnit(trial.unit()));
            if (!trial.cardRequired()) {
                trialExpr = trialExpr.then("noCardRequired");
            }
            chain = chain.then("freeTrial", trialExpr);
        }
        for (String marker : markers) {
            chain = chain.marked(productCall(chain, marker), marker);
        }
        return product.items().isEmpty() && trial == null ? chain : chain.broken();
    }

    /**
     * The call of a product chain that writes what a product-level marker is about, so that the marker stands on the
     * line {@code validate} names: the trial, description, group or name; else {@code product("…")}.
     */
    private static int productCall(Expr.Chain chain, String marker) {
        String[][] calls = {
            {"free trial", "freeTrial"}, {"' description ", "description"}, {"' group ", "group"}, {" name", "name"}
        };
        for (String[] call : calls) {
            int index = chain.indexOf(call[1]);
            if (marker.contains(call[0]) && index >= 0) {
                return index;
            }
        }
        return 0;
    }

    private Expr item(Item item, String where, List<String> comments) {
        return ItemVisitor.visit(item, new ItemVisitor<Expr>() {
            @Override
            public Expr priceItem(PriceItem item) {
                return billing(use("priceItem", amount(item.amount())), item.billing());
            }

            @Override
            public Expr featureItem(FeatureItem item) {
                return SourceExpressions.this.featureItem(item, where, comments);
            }

            @Override
            public Expr pricedFeatureItem(PricedFeatureItem item) {
                return priced(item, where, comments);
            }
        });
    }

    private Expr featureItem(FeatureItem item, String where, List<String> comments) {
        Expr.Chain chain = use("featureItem", references.reference(item.feature(), where, comments));
        if (item.isUnlimited()) {
            chain = chain.then("unlimited");
        } else if (item.included() != 0) {
            chain = chain.then("included", number(item.included()));
        }
        Cycle reset = item.reset();
        if (reset != null) {
            if (reset.isOneOff()) {
                chain = chain.then("noReset");
            } else if (reset.count() == 1 && RESET_CALLS.containsKey(reset.interval())) {
                chain = chain.then(RESET_CALLS.get(reset.interval()));
            } else {
                chain = chain.then(
                        "resetEvery",
                        number(reset.count()),
                        member(INTERVAL, reset.interval().name()));
            }
        }
        if (item.rollover() != null) {
            chain = chain.then("rollover", rollover(item.rollover()));
        }
        if (item.entityFeature() != null) {
            chain = chain.then("perEntity", references.reference(item.entityFeature(), where, comments));
        }
        return item.isPooled() ? chain.then("pooled") : chain;
    }

    private Expr priced(PricedFeatureItem item, String where, List<String> comments) {
        Expr.Chain start = use("pricedFeatureItem", references.reference(item.feature(), where, comments));
        Expr.Chain included = item.included() != 0 ? start.then("included", number(item.included())) : start;
        Expr.Chain chain = UsagePriceVisitor.visit(item.price(), new UsagePriceVisitor<Expr.Chain>() {
            @Override
            public Expr.Chain perUnit(PerUnitPrice price) {
                return included.then("price", amount(price.amount()));
            }

            @Override
            public Expr.Chain tiered(TieredPrice price) {
                List<Expr> tiers = new ArrayList<>();
                for (Tier tier : price.tiers()) {
                    tiers.add(tier(tier));
                }
                String call = price.behavior() == TierBehavior.VOLUME ? "volumeTiers" : "tiers";
                return included.then(call, tiers.toArray(new Expr[0]));
            }
        });
        if (item.billingUnits() != 1) {
            chain = chain.then("per", number(item.billingUnits()));
        }
        chain = billing(
                chain.then(item.billingMethod() == BillingMethod.PREPAID ? "prepaid" : "payPerUse"), item.billing());
        Cycle reset = item.reset();
        if (reset != null) {
            chain = reset.isOneOff()
                    ? chain.then("noReset")
                    : chain.then(
                            "resetEvery",
                            number(reset.count()),
                            member(INTERVAL, reset.interval().name()));
        }
        if (item.maxPurchase() != null) {
            chain = chain.then("maxPurchase", number(item.maxPurchase()));
        }
        if (item.rollover() != null) {
            chain = chain.then("rollover", rollover(item.rollover()));
        }
        if (item.proration() != null) {
            chain = chain.then(
                    "prorate",
                    member(ON_INCREASE, item.proration().onIncrease().name()),
                    member(ON_DECREASE, item.proration().onDecrease().name()));
        }
        if (item.entityFeature() != null) {
            chain = chain.then("perEntity", references.reference(item.entityFeature(), where, comments));
        }
        return item.isPooled() ? chain.then("pooled") : chain;
    }

    private Expr tier(Tier tier) {
        Expr.Chain chain = tier.isUnbounded()
                ? use("lastTier", amount(tier.amount()))
                : use("tier", number(tier.upTo()), amount(tier.amount()));
        return tier.flatAmount() == null ? chain : chain.then("flat", amount(tier.flatAmount()));
    }

    private Expr rollover(Rollover rollover) {
        BigDecimal percent = rollover.maxPercentage();
        if (percent != null && whole(percent) == null) {
            // rollover().upToPercent(...) takes whole percents only: the record says it exactly.
            return Expr.atom(
                    CodeBlock.of(
                            "new $T(null, new $T($S), $L)",
                            ROLLOVER,
                            BIG_DECIMAL,
                            percent.toPlainString(),
                            rollover.months()),
                    "new Rollover(null, new BigDecimal(\"" + percent.toPlainString() + "\"), " + rollover.months()
                            + ")");
        }
        Expr.Chain chain = use("rollover");
        if (rollover.max() != null) {
            chain = chain.then("upTo", number(rollover.max()));
        } else if (percent != null) {
            chain = chain.then("upToPercent", number(whole(percent)));
        }
        return rollover.isForever() ? chain.then("forever") : chain.then("forMonths", number(rollover.months()));
    }

    private static Expr.Chain billing(Expr.Chain chain, Cycle billing) {
        if (billing.isOneOff()) {
            return chain.then("oneOff");
        }
        if (billing.count() == 1 && BILLING_CALLS.containsKey(billing.interval())) {
            return chain.then(BILLING_CALLS.get(billing.interval()));
        }
        return chain.then(
                "every",
                number(billing.count()),
                member(INTERVAL, billing.interval().name()));
    }

    /** A call of a static method of {@code Autumn}, imported statically. */
    Expr.Chain use(String autumnMethod, Expr... args) {
        staticImports.add(autumnMethod);
        return call(autumnMethod, args);
    }

    // Literals

    /** A whole amount as a number ({@code 20}, {@code 10_000}), anything else as an exact string ({@code "9.99"}). */
    static Expr amount(BigDecimal value) {
        Long whole = whole(value);
        return whole != null ? number(whole) : string(value.stripTrailingZeros().toPlainString());
    }

    /** A long literal: underscores from 10,000 ({@code 10_000}), an {@code L} beyond {@code int}. */
    static Expr number(long value) {
        String digits = Long.toString(Math.abs(value));
        if (value <= -10_000 || value >= 10_000) {
            StringBuilder grouped = new StringBuilder();
            int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
            grouped.append(digits, 0, first);
            for (int i = first; i < digits.length(); i += 3) {
                grouped.append('_').append(digits, i, i + 3);
            }
            digits = grouped.toString();
        }
        String sign = value < 0 ? "-" : "";
        String suffix = value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? "L" : "";
        return text(sign + digits + suffix);
    }

    private static Long whole(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0) {
            return null;
        }
        try {
            return stripped.longValueExact();
        } catch (ArithmeticException tooLarge) {
            return null;
        }
    }

    private static String trialUnit(FreeTrial.Unit unit) {
        return switch (unit) {
            case DAY -> "days";
            case MONTH -> "months";
            case YEAR -> "years";
        };
    }

    private static Map<Interval, String> resetCalls() {
        Map<Interval, String> calls = new EnumMap<>(BILLING_CALLS);
        calls.put(Interval.HOUR, "hourly");
        calls.put(Interval.DAY, "daily");
        return calls;
    }
}
