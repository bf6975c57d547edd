package dev.autumncatalog.engine.text;

import dev.autumncatalog.dsl.BillingMethod;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.FreeTrial;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.dsl.Rollover;
import dev.autumncatalog.dsl.Tier;
import dev.autumncatalog.dsl.TierBehavior;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The one wording of counts, amounts, cycles and resets, exact and locale-independent.
 *
 * <pre>{@code
 * Words.count(10_000)                        // 10,000
 * Words.money(new BigDecimal("9.9"))         // $9.90
 * Words.per(Cycle.every(3, Interval.MONTH))  // every 3 months
 * Words.allowance(1_000, Cycle.ONE_OFF)      // 1,000, never resets
 * }</pre>
 */
public final class Words {
    private Words() {}

    // Numbers

    /** {@code 10000} → {@code 10,000}. */
    public static String count(long value) {
        return group(Long.toString(value));
    }

    /** {@code 1 feature}, {@code 2 features}: a count and its noun, plural unless the count is 1. */
    public static String count(long value, String noun) {
        return count(value) + " " + noun + (value == 1 ? "" : "s");
    }

    /** A decimal with grouping and no trailing zeros: {@code 1000.50} → {@code 1,000.5}. */
    public static String decimal(BigDecimal value) {
        return grouped(normalise(value));
    }

    /** Money in dollars, cents shown whenever there is a fraction: {@code $20}, {@code $9.90}, {@code $0.005}. */
    public static String money(BigDecimal value) {
        BigDecimal amount = normalise(value);
        if (amount.scale() == 1) {
            amount = amount.setScale(2);
        }
        return "$" + grouped(amount);
    }

    /** {@code 50%}, {@code 12.5%}. */
    public static String percent(BigDecimal value) {
        return decimal(value) + "%";
    }

    /** {@code 1 credit per unit}, {@code 0.01 credits per unit}. */
    public static String credits(BigDecimal credits) {
        return decimal(credits) + (credits.compareTo(BigDecimal.ONE) == 0 ? " credit" : " credits") + " per unit";
    }

    // Cycles and resets

    /** {@code month}, {@code 3 months}, {@code half-year}, {@code one-off}. */
    public static String cycle(Cycle cycle) {
        if (cycle.isOneOff()) {
            return "one-off";
        }
        String unit = unit(cycle.interval());
        return cycle.count() == 1 ? unit : cycle.count() + " " + unit + "s";
    }

    /** How often something is billed or granted: {@code per month}, {@code every 3 months}, {@code once}. */
    public static String per(Cycle cycle) {
        if (cycle.isOneOff()) {
            return "once";
        }
        return cycle.count() == 1 ? "per " + cycle(cycle) : "every " + cycle(cycle);
    }

    /** {@code every month}, {@code every 3 months}, {@code once}. */
    public static String every(Cycle cycle) {
        return cycle.isOneOff() ? "once" : "every " + cycle(cycle);
    }

    /** {@code resets every month}, {@code never resets}. */
    public static String resets(Cycle cycle) {
        return cycle.isOneOff() ? "never resets" : "resets " + every(cycle);
    }

    /** {@code unlimited} or the count. */
    public static String included(long included, boolean unlimited) {
        return unlimited ? "unlimited" : count(included);
    }

    /**
     * A usage allowance: {@code 10,000 per month}, {@code 1,000, never resets}, or just {@code 5} when there is no
     * reset at all ({@code reset == null}: continuous-use features, whose usage goes up and down).
     */
    public static String allowance(long included, Cycle reset) {
        if (reset == null) {
            return count(included);
        }
        return reset.isOneOff() ? count(included) + ", never resets" : count(included) + " " + per(reset);
    }

    // Trials, tiers, rollovers, methods

    /** {@code 14 days}, {@code 1 month}. */
    public static String duration(int length, FreeTrial.Unit unit) {
        return count(length, unit.word());
    }

    /** {@code 14 days, card required}, {@code 1 month, no card}. */
    public static String trial(FreeTrial trial) {
        return duration(trial.length(), trial.unit()) + (trial.cardRequired() ? ", card required" : ", no card");
    }

    /** {@code up to 10,000 at $0.01}, {@code rest at $0.005}, with {@code + $20 flat} when it has a flat fee. */
    public static String tier(Tier tier) {
        return tier(tier.upTo(), tier.amount(), tier.flatAmount());
    }

    /** As {@link #tier(Tier)}, from its parts; {@code upTo} and {@code flatAmount} may be {@code null}. */
    public static String tier(Long upTo, BigDecimal amount, BigDecimal flatAmount) {
        String text = (upTo == null ? "rest" : "up to " + count(upTo)) + " at " + money(amount);
        return flatAmount == null ? text : text + " + " + money(flatAmount) + " flat";
    }

    /** {@code up to 500 for 1 month}, {@code up to 50% forever}, {@code all for 2 months}. */
    public static String rollover(Rollover rollover) {
        return rollover(rollover.max(), rollover.maxPercentage(), rollover.months());
    }

    /** As {@link #rollover(Rollover)}, from its parts; {@code months == 0} means forever. */
    public static String rollover(Long max, BigDecimal maxPercentage, int months) {
        String cap;
        if (max != null) {
            cap = "up to " + count(max);
        } else if (maxPercentage != null) {
            cap = "up to " + percent(maxPercentage);
        } else {
            cap = "all";
        }
        return months == 0 ? cap + " forever" : cap + " for " + count(months, "month");
    }

    /** {@code prepaid}, {@code pay-per-use}. */
    public static String billingMethod(BillingMethod method) {
        Objects.requireNonNull(method, "method");
        return method == BillingMethod.PREPAID ? "prepaid" : "pay-per-use";
    }

    /** {@code graduated}, {@code volume}. */
    public static String tierBehavior(TierBehavior behavior) {
        Objects.requireNonNull(behavior, "behavior");
        return behavior == TierBehavior.VOLUME ? "volume" : "graduated";
    }

    // Helpers

    /** {@code month}, {@code half-year}: the unit as a noun, never Autumn's wire word ({@code semi_annual}). */
    private static String unit(Interval interval) {
        return interval == Interval.SEMI_ANNUAL ? "half-year" : interval.word();
    }

    /** No trailing zeros and a scale of at least 0, so {@code 1E+3} reads {@code 1000}. */
    private static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The plain digits of {@code value}, the whole part grouped by thousands. */
    private static String grouped(BigDecimal value) {
        String plain = value.toPlainString();
        int dot = plain.indexOf('.');
        return dot < 0 ? group(plain) : group(plain.substring(0, dot)) + plain.substring(dot);
    }

    private static String group(String digits) {
        boolean negative = digits.startsWith("-");
        String body = negative ? digits.substring(1) : digits;
        StringBuilder out = new StringBuilder();
        int lead = body.length() % 3;
        for (int i = 0; i < body.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                out.append(',');
            }
            out.append(body.charAt(i));
        }
        return (negative ? "-" : "") + out;
    }
}
