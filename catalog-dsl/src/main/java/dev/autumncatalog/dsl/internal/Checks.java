package dev.autumncatalog.dsl.internal;

import dev.autumncatalog.dsl.CreditCost;
import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.Feature;
import dev.autumncatalog.dsl.Rollover;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The value rules of the model, one method per rule. Each returns what is wrong with a value, naming the field and the
 * bad value, or {@code null} when the value is fine. They throw nothing: the steps ask them whether a value is bad (to
 * note where it was written), and {@link CatalogValidator} asks them again to report it.
 */
public final class Checks {
    /**
     * Autumn's id rule (CONTRACT §2.3 F-C1, §2.4 P-C1). Plans: {@code plans.create} refuses any other id (400, nothing
     * stored), so the rule only says it first. Features: the 2.x {@code features.create} takes any non-empty id (a
     * feature {@code bad id!} is stored and plans can use it), but the dashboard and the 1.2 API refuse it, and the id
     * travels in URL paths ({@code /v1/features/{id}/deletion_info}): kept to protect the user (a pulled feature with
     * such an id is written as it is and reported here).
     */
    public static final Pattern ID = Pattern.compile("[a-zA-Z0-9_-]+");

    /**
     * What a model holds in place of a decimal text that is not a number: it breaks every amount rule, so a catalog
     * holding it can never be valid, even if the note that words the real problem were lost.
     */
    public static final BigDecimal NOT_A_NUMBER = BigDecimal.valueOf(-1);

    private Checks() {}

    // Ids and names

    /** An id of a feature or product: letters, digits, {@code _} and {@code -}. */
    public static String id(String kind, String id) {
        if (ID.matcher(id).matches()) {
            return null;
        }
        return kind + " id must contain only letters, digits, '_' and '-', was '" + id + "'; for example '"
                + suggestId(id) + "'";
    }

    /**
     * A display name: not empty, and a {@link #text text} Autumn keeps as sent. Autumn refuses an empty name
     * ({@code plans.create} 400 "name: cannot be empty", {@code features.create} 500 "Features must have a name"); a
     * name of spaces is stored as sent, so it is allowed (audit L2: what Autumn keeps, the DSL says).
     */
    public static String name(String kind, String id, String name) {
        if (name.isEmpty()) {
            return kind + " '" + id + "' needs a non-empty name, was ''";
        }
        return text(kind, id, "name", name);
    }

    /** The event names of a feature, copied; {@code null} is a programming error. */
    public static List<String> eventNames(List<String> names) {
        return List.copyOf(Objects.requireNonNull(names, "eventNames"));
    }

    /**
     * Event names: each a {@link #text text} Autumn keeps as sent, and not empty. Autumn stores an empty name, but
     * {@code track} cannot send one to match it (its {@code event_name} must be non-empty), so it would count nothing:
     * refused to protect the user.
     */
    public static String eventNamesProblem(String featureId, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isEmpty()) {
                return "feature '" + featureId + "' event name " + (i + 1) + " is empty; remove it";
            }
            String problem = text("feature", featureId, "event name '" + name + "'", name);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /**
     * A text Autumn keeps exactly as sent, so that a push does not change it behind the catalog's back and the next plan
     * does not show it changed again. Checked against the real server (issue 15; the recording is in catalog-dsl's
     * test resources, {@code real-server-texts.tsv}), for feature names and plan names, descriptions and groups:
     *
     * <ul>
     *   <li>a lone surrogate (half of a UTF-16 pair) is accepted, and stored as U+FFFD: every later push would update
     *       the text again, so it is rejected;
     *   <li>NUL (U+0000) is refused with a 500 {@code internal_error} (PostgreSQL text cannot hold it), half-way through
     *       a push, so it is rejected before any request;
     *   <li>everything else tried comes back unchanged, so it is accepted: other control characters (U+0001, tab, line
     *       breaks, DEL, U+0085), leading, trailing and doubled spaces, no-break and zero-width spaces, U+2028, U+FEFF,
     *       U+FFFE, characters outside the BMP (emoji), decomposed accents, HTML, quotes and backslashes, and texts of
     *       10,000 and 70,000 characters (long texts are not refused: code generation and pull split long literals).
     * </ul>
     *
     * Ids need no such rule: {@link #ID} allows ASCII letters, digits, {@code _} and {@code -} only, which the server
     * keeps (mixed case, leading {@code -} or {@code _}, 2,000 characters).
     *
     * @param field the field, for the message: {@code name}, {@code description}, {@code group}
     */
    public static String text(String kind, String id, String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return kind + " '" + id + "' " + field + " has a NUL character (\\u0000) at index " + i
                        + "; Autumn refuses it (500 internal_error): remove it";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a whole pair: a character outside the BMP, kept as sent
            } else if (Character.isSurrogate(c)) {
                return kind + " '" + id + "' " + field + " has a lone surrogate (\\u"
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + ") at index " + i
                        + "; Autumn would store U+FFFD in its place and every push would change it again: complete the"
                        + " pair or remove it";
            }
        }
        return null;
    }

    /**
     * A null name is a programming error, not a value to report later: it throws at once, as it always has.
     *
     * @throws IllegalArgumentException when {@code name} is {@code null}
     */
    public static String requireName(String kind, String id, String name) {
        if (name == null) {
            throw new IllegalArgumentException(kind + " '" + id + "' needs a non-empty name, was null");
        }
        return name;
    }

    // Amounts

    /** A money amount or quantity that must be greater than zero. */
    public static String positive(String what, BigDecimal value) {
        return value.signum() <= 0 ? what + " must be > 0, was " + value.toPlainString() : null;
    }

    /** A money amount that may be zero but not negative. */
    public static String notNegative(String what, BigDecimal value) {
        return value.signum() < 0 ? what + " must be ≥ 0, was " + value.toPlainString() : null;
    }

    /** A count that may be zero but not negative. */
    public static String notNegative(String what, long value, String where) {
        return value < 0 ? what + " must be ≥ 0, was " + value + " (" + where + ")" : null;
    }

    /**
     * A fixed price: zero or more, with at most 2 decimal places (CONTRACT §2.4 P-I5: refused, and the plan is left
     * behind with {@code price: null}; also for recurring prices). Zero is stored as sent and stays a price, so a $0
     * plan is not free (Autumn refuses to make it a default plan, as this DSL does). A negative price is stored too,
     * but it would be a negative charge (Stripe refuses negative unit amounts): refused to protect the user.
     */
    public static String priceAmount(BigDecimal amount) {
        String problem = notNegative("price amount", amount);
        if (problem == null && amount.scale() > 2) {
            problem = "price amount can have at most 2 decimal places, was " + amount.toPlainString();
        }
        return problem;
    }

    /**
     * A credit cost: zero or more (F-C7 refuses only non-numbers). Zero is stored and means the feature is free while
     * it draws from credits; a negative cost is stored too but would give credits back on use: refused to protect the
     * user.
     */
    public static String creditCost(String featureId, BigDecimal credits) {
        return notNegative("credit cost of feature '" + featureId + "'", credits);
    }

    /**
     * A usage price per billing unit: positive. Autumn drops a price of 0 (the item becomes a free grant, so the model
     * would not map back) and stores a negative one (a negative charge): both refused.
     */
    public static String usagePrice(BigDecimal amount) {
        return positive("usage price amount", amount);
    }

    /** The text of a decimal that is not a number. */
    public static String notANumber(String what, String text) {
        return what + " must be a decimal number such as \"9.99\", was '" + text + "'";
    }

    /** Parses a decimal text exactly, or {@code null} when it is not a number. */
    public static BigDecimal parse(String what, String text) {
        Objects.requireNonNull(text, what);
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * One canonical form per number, so {@code 10}, {@code 10.0} and {@code 10.00} are equal records: trailing zeros
     * stripped, never a negative scale.
     */
    public static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    // Cycles

    /**
     * How many intervals make one cycle: at least one. Autumn stores 0, -1 and 1.5 as sent (audit P5, P5b, P5d), but
     * no cycle of zero or fewer intervals exists and Stripe needs {@code interval_count} ≥ 1: refused to protect the
     * user.
     */
    public static String cycleCount(Cycle cycle) {
        return cycle.count() < 1 ? "interval count must be ≥ 1, was " + cycle.count() : null;
    }

    /** A fixed price is billed weekly or longer, or once (P-I8: Autumn refuses day, hour and minute prices, 400). */
    public static String priceBilling(Cycle billing) {
        if (billing.isOneOff() || billing.interval().isBillable()) {
            return null;
        }
        return "a price cannot be billed every " + billing.interval().word()
                + "; Autumn bills weekly or longer: use .weekly(), .monthly(), .yearly() or .oneOff()";
    }

    /** Usage is billed weekly or longer, or once (Autumn refuses shorter price intervals, 400: audit P4b). */
    public static String usageBilling(Cycle billing, String featureId) {
        if (billing.isOneOff() || billing.interval().isBillable()) {
            return null;
        }
        return "usage cannot be billed every " + billing.interval().word() + " (priced feature item " + featureId
                + "); Autumn bills weekly or longer";
    }

    // Items

    /**
     * An allowance is a number of units or unlimited, not both: Autumn stores {@code unlimited} with {@code included: 0}
     * whatever was sent (audit C3-unlimited-included), so the included amount would be lost.
     */
    public static String unlimitedAndIncluded(String featureId, boolean unlimited, long included) {
        if (unlimited && included != 0) {
            return "feature item " + featureId + " cannot be unlimited and include " + included
                    + "; choose .included(n) or .unlimited()";
        }
        return null;
    }

    /**
     * How many units one price applies to: at least one (P-I11). Autumn stores 0 as 1 (audit P9: changed), and stores
     * negative and fractional units as sent (P9c, P9d), which Stripe's {@code transform_quantity.divide_by} (a positive
     * whole number) cannot bill: refused.
     */
    public static String billingUnits(long units, String featureId) {
        if (units < 1) {
            return "billing units must be ≥ 1, was " + units + " (priced feature item " + featureId
                    + "); use .per(n) with n ≥ 1";
        }
        return null;
    }

    /**
     * The most units a customer may buy: at least one, or no limit. Autumn stores 0 as {@code null}, which means no
     * limit at all (audit P10: changed into its opposite), and a negative limit as sent (P10b, meaningless): refused.
     */
    public static String maxPurchase(Long units, String featureId) {
        if (units != null && units < 1) {
            return "max purchase must be ≥ 1, was " + units + " (priced feature item " + featureId
                    + "); leave it out for no limit";
        }
        return null;
    }

    /** A tiered price has at least one tier (§3.4: Autumn refuses "tiers cannot be empty", 400). */
    public static String tiers(List<?> tiers) {
        return tiers.isEmpty() ? "a tiered price needs at least one tier, was none" : null;
    }

    /**
     * A tier ends at unit 1 or later. Autumn stores {@code to: 0} (audit T4b), an empty first tier that prices
     * nothing: refused to protect the user (a pulled tier is written as it is and reported here).
     */
    public static String tierUpTo(Long upTo) {
        return upTo != null && upTo < 1 ? "tier upTo must be ≥ 1, was " + upTo : null;
    }

    /** A credit system draws from at least one feature (F-C5: Autumn refuses an empty schema, 400 invalid_feature). */
    public static String creditSchema(String id, List<?> schema) {
        if (schema.isEmpty()) {
            return "credit system '" + id
                    + "' needs at least one credit cost, was none; add one: .creditSystem(cost(API_CALLS, 1))";
        }
        return null;
    }

    /**
     * A free trial lasts at least one unit (P-T1: Autumn answers 500 "Free trial length must be greater than 0" and
     * leaves the plan behind without its trial, audit TR1).
     */
    public static String trialLength(int length) {
        return length < 1 ? "free trial length must be ≥ 1, was " + length : null;
    }

    // Rollovers (P-I17)

    /** A unit cap or a percentage cap, not both (P-I17: refused, 400, leaving the plan with no items, audit P17). */
    public static String rolloverCaps(Rollover rollover) {
        if (rollover.max() != null && rollover.maxPercentage() != null) {
            return "rollover takes a unit cap or a percentage cap, not both; was " + rollover.max() + " and "
                    + rollover.maxPercentage().toPlainString() + "%";
        }
        return null;
    }

    /** A unit cap of at least one (P-I17: a cap of 0 is refused, 400, leaving the plan with no items, audit P17c). */
    public static String rolloverMax(Long max) {
        return max != null && max < 1 ? "rollover cap must be ≥ 1, was " + max : null;
    }

    /** A percentage cap in (0, 100] (P-I17: 150 % is refused, 400, leaving the plan with no items, audit P17b). */
    public static String rolloverPercentage(BigDecimal percentage) {
        if (percentage == null) {
            return null;
        }
        String problem = positive("rollover percentage", percentage);
        if (problem == null && percentage.compareTo(BigDecimal.valueOf(100)) > 0) {
            problem = "rollover percentage must be in (0, 100], was " + percentage.toPlainString();
        }
        return problem;
    }

    /**
     * Months that rolled-over units last; 0 means forever. A negative length is refused (400, partial plan: audit
     * P17d).
     */
    public static String rolloverMonths(int months) {
        return months < 0 ? "rollover months must be ≥ 0 (0 = forever), was " + months : null;
    }

    /** What {@code rollover().forMonths(months)} says of a count below one. */
    public static String rolloverForMonths(int months) {
        return months < 1 ? "rollover months must be ≥ 1, was " + months + "; use .forever()" : null;
    }

    private static String suggestId(String id) {
        String suggestion = id.trim().replaceAll("[^a-zA-Z0-9_-]+", "_").replaceAll("^_+|_+$", "");
        return suggestion.isEmpty() ? "my_id" : suggestion;
    }

    /**
     * Whether two records of one feature id say the same to Autumn where an item or a credit schema uses them:
     * type, name and credit schema. Event names and the archived flag belong to the declaration only (an item
     * sends the feature id alone), so {@code catalog(API_CALLS.archived(), … featureItem(API_CALLS) …)} is fine.
     */
    public static boolean sameForAutumn(Feature a, Feature b) {
        if (a.type() != b.type() || !a.name().equals(b.name())) {
            return false;
        }
        List<CreditCost> x = a.creditSchema();
        List<CreditCost> y = b.creditSchema();
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).feature().id().equals(y.get(i).feature().id())
                    || !x.get(i).credits().equals(y.get(i).credits())) {
                return false;
            }
        }
        return true;
    }
}
