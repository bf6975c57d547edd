package dev.autumncatalog.engine.codegen;

import dev.autumncatalog.dsl.BillingMethod;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.FeatureItem;
import dev.autumncatalog.dsl.FeatureType;
import dev.autumncatalog.dsl.FreeTrial;
import dev.autumncatalog.dsl.Interval;
import dev.autumncatalog.dsl.Item;
import dev.autumncatalog.dsl.PerUnitPrice;
import dev.autumncatalog.dsl.PriceItem;
import dev.autumncatalog.dsl.PricedFeatureItem;
import dev.autumncatalog.dsl.Product;
import dev.autumncatalog.dsl.Rollover;
import dev.autumncatalog.dsl.Tier;
import dev.autumncatalog.dsl.TierBehavior;
import dev.autumncatalog.dsl.TieredPrice;
import dev.autumncatalog.engine.text.JavadocText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Readable, exact English for the Javadoc of generated constants: amounts, cycles, items, products. */
final class Describe {
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Cntrl}\\u2028\\u2029]+");

    private Describe() {}

    /**
     * A Java string literal in ASCII only: quotes, backslashes and control characters get escapes (octal for control
     * characters, because javac would turn a unicode escape of a line break into a real one), other non-ASCII
     * characters get unicode escapes.
     */
    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < ' ' || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\%03o", (int) c));
            } else if (c > '~') {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** {@code 10,000}. */
    static String count(long value) {
        return number(BigDecimal.valueOf(value));
    }

    /** {@code 10,000.5}: exact, with thousands grouped. */
    static String number(BigDecimal value) {
        String plain = value.toPlainString();
        String sign = plain.startsWith("-") ? "-" : "";
        String digits = sign.isEmpty() ? plain : plain.substring(1);
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(whole.charAt(i));
        }
        return sign + grouped + fraction;
    }

    /** {@code $20}, {@code $9.50}, {@code $0.005}, {@code $1,200}: cents shown whenever there is a fraction. */
    static String money(BigDecimal amount) {
        BigDecimal shown = amount.scale() == 1 ? amount.setScale(2) : amount;
        if (shown.scale() < 0) {
            shown = shown.setScale(0);
        }
        return "$" + number(shown);
    }

    /** {@code per month}, {@code every 3 months}; not for one-off cycles. */
    static String per(Cycle cycle) {
        if (cycle.count() == 1) {
            return "per " + noun(cycle.interval());
        }
        return "every " + cycle.count() + " " + noun(cycle.interval()) + "s";
    }

    /** {@code monthly}, {@code every 3 months}, {@code once}. */
    static String often(Cycle cycle) {
        if (cycle.isOneOff()) {
            return "once";
        }
        if (cycle.count() > 1) {
            return per(cycle);
        }
        switch (cycle.interval()) {
            case MINUTE:
                return "every minute";
            case HOUR:
                return "hourly";
            case DAY:
                return "daily";
            case WEEK:
                return "weekly";
            case MONTH:
                return "monthly";
            case QUARTER:
                return "quarterly";
            case SEMI_ANNUAL:
                return "semi-annually";
            case YEAR:
                return "yearly";
        }
        throw new IllegalArgumentException("unknown interval " + cycle.interval());
    }

    private static String noun(Interval interval) {
        return interval == Interval.SEMI_ANNUAL ? "half-year" : interval.word();
    }

    /** {@code 10,000 per month}, {@code 1,000, no reset}, or just {@code 5} when the balance never resets. */
    static String allowance(long included, Cycle reset) {
        if (reset == null) {
            return count(included);
        }
        if (reset.isOneOff()) {
            return count(included) + ", no reset";
        }
        return count(included) + " " + per(reset);
    }

    /** {@code $20 per month}, {@code $5 one-off}. */
    static String price(PriceItem item) {
        return money(item.amount()) + " " + (item.billing().isOneOff() ? "one-off" : per(item.billing()));
    }

    /** What a feature kind means, after the feature's name. */
    static String kind(FeatureType type) {
        switch (type) {
            case BOOLEAN:
                return "boolean feature (on/off access, no usage)";
            case SINGLE_USE:
                return "single-use feature (usage is consumed and can reset)";
            case CONTINUOUS_USE:
                return "continuous-use feature (usage is allocated, goes up and down, and never resets)";
            case CREDIT_SYSTEM:
                return "credit system (single-use features draw from one balance of credits)";
        }
        throw new IllegalArgumentException("unknown feature type " + type);
    }

    /** {@code 1 credit per unit}, {@code 0.01 credits per unit}. */
    static String credits(BigDecimal credits) {
        return number(credits) + (credits.compareTo(BigDecimal.ONE) == 0 ? " credit" : " credits") + " per unit";
    }

    /**
     * What a product item grants: {@code 10,000 per month}, {@code unlimited}, {@code included}, {@code 10,000 per
     * month, then $0.01 per unit, billed monthly in arrears}.
     *
     * @param reference how another feature is named in the text (a Javadoc link)
     */
    static String item(Item item, Function<Feature, String> reference) {
        if (item instanceof PriceItem) {
            return price((PriceItem) item);
        }
        if (item instanceof FeatureItem) {
            return featureItem((FeatureItem) item, reference);
        }
        return pricedFeatureItem((PricedFeatureItem) item, reference);
    }

    private static String featureItem(FeatureItem item, Function<Feature, String> reference) {
        String text;
        if (item.feature().type() == FeatureType.BOOLEAN) {
            text = "included";
        } else if (item.isUnlimited()) {
            text = "unlimited";
        } else {
            text = allowance(item.included(), item.reset());
        }
        if (item.entityFeature() != null) {
            text += " per unit of " + reference.apply(item.entityFeature());
        }
        return text;
    }

    private static String pricedFeatureItem(PricedFeatureItem item, Function<Feature, String> reference) {
        boolean consumable = item.feature().type().isConsumable();
        List<String> parts = new ArrayList<>();
        String lead = item.included() > 0
                ? allowance(item.included(), consumable ? item.effectiveReset() : null) + ", then "
                : "";
        parts.add(lead + usagePrice(item));
        if (item.billingMethod() == BillingMethod.PREPAID) {
            parts.add("prepaid, billed " + often(item.billing()));
        } else {
            parts.add("billed " + often(item.billing()) + " in arrears");
        }
        if (item.reset() != null && !item.reset().equals(item.billing())) {
            parts.add(item.reset().isOneOff() ? "no reset" : "resets " + often(item.reset()));
        }
        if (item.maxPurchase() != null) {
            parts.add("at most " + count(item.maxPurchase()) + " units");
        }
        if (item.rollover() != null) {
            parts.add(rollover(item.rollover()));
        }
        if (item.entityFeature() != null) {
            parts.add("per unit of " + reference.apply(item.entityFeature()));
        }
        return String.join(", ", parts);
    }

    private static String usagePrice(PricedFeatureItem item) {
        String unit = item.billingUnits() == 1 ? " per unit" : " per " + count(item.billingUnits()) + " units";
        if (item.price() instanceof PerUnitPrice) {
            return money(((PerUnitPrice) item.price()).amount()) + unit;
        }
        TieredPrice tiered = (TieredPrice) item.price();
        List<String> tiers = new ArrayList<>();
        Long previous = null;
        for (Tier tier : tiered.tiers()) {
            StringBuilder text = new StringBuilder(money(tier.amount())).append(unit);
            if (tier.flatAmount() != null) {
                text.append(" + ").append(money(tier.flatAmount())).append(" flat");
            }
            if (tier.upTo() != null) {
                text.append(" up to ").append(count(tier.upTo()));
            } else if (previous != null) {
                text.append(" above ").append(count(previous));
            }
            tiers.add(text.toString());
            previous = tier.upTo();
        }
        String behavior = tiered.behavior() == TierBehavior.VOLUME ? "volume" : "graduated";
        return behavior + " tiers: " + String.join("; ", tiers);
    }

    private static String rollover(Rollover rollover) {
        List<String> terms = new ArrayList<>();
        if (rollover.max() != null) {
            terms.add("up to " + count(rollover.max()));
        } else if (rollover.maxPercentage() != null) {
            terms.add("up to " + number(rollover.maxPercentage()) + "%");
        }
        if (rollover.isForever()) {
            terms.add("forever");
        } else {
            terms.add("for " + rollover.months() + (rollover.months() == 1 ? " month" : " months"));
        }
        return "unused usage rolls over (" + String.join(", ", terms) + ")";
    }

    /**
     * The price line of a product: {@code $20 per month; 14-day free trial; add-on}, or {@code free; default}.
     */
    static String productSummary(Product product) {
        List<String> parts = new ArrayList<>();
        List<PriceItem> prices = product.priceItems();
        if (!prices.isEmpty()) {
            List<String> amounts = new ArrayList<>();
            prices.forEach(price -> amounts.add(price(price)));
            parts.add(String.join(" + ", amounts));
        } else if (product.isFree()) {
            parts.add("free");
        } else {
            parts.add("usage-based price");
        }
        if (product.freeTrial() != null) {
            parts.add(trial(product.freeTrial()));
        }
        if (product.isDefault()) {
            parts.add("default (every new customer gets it)");
        }
        if (product.isAddOn()) {
            parts.add("add-on");
        }
        if (product.group() != null) {
            parts.add("group <code>" + JavadocText.escape(product.group()) + "</code>");
        }
        return String.join("; ", parts);
    }

    /** {@code 14-day free trial}, {@code 1-month free trial, no card required}. */
    static String trial(FreeTrial trial) {
        String unit = trial.unit().word();
        return trial.length() + "-" + unit + " free trial" + (trial.cardRequired() ? "" : ", no card required");
    }
}
