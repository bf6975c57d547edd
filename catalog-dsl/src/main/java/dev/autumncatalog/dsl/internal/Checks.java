package dev.autumncatalog.dsl.internal;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/** Local invariants shared by the model records; each failure names the field and the bad value. */
public final class Checks {
    /** Autumn's id rule (CONTRACT §2.3 F-C1, §2.4 P-C1). */
    public static final Pattern ID = Pattern.compile("[a-zA-Z0-9_-]+");

    private Checks() {}

    /** An id of a feature or product: letters, digits, {@code _} and {@code -}. */
    public static void id(String kind, String id) {
        Objects.requireNonNull(id, kind + " id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(kind + " id must contain only letters, digits, '_' and '-', was '" + id
                    + "'; for example '" + suggestId(id) + "'");
        }
    }

    /** A display name: not blank. */
    public static void name(String kind, String id, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(
                    kind + " '" + id + "' needs a non-empty name, was " + (name == null ? "null" : "'" + name + "'"));
        }
    }

    /** A money amount or quantity that must be greater than zero; returned with its scale normalised. */
    public static BigDecimal positive(String what, BigDecimal value) {
        Objects.requireNonNull(value, what);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(what + " must be > 0, was " + value.toPlainString());
        }
        return normalise(value);
    }

    /** A money amount that may be zero but not negative; returned with its scale normalised. */
    public static BigDecimal notNegative(String what, BigDecimal value) {
        Objects.requireNonNull(value, what);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(what + " must be ≥ 0, was " + value.toPlainString());
        }
        return normalise(value);
    }

    /** A count that may be zero but not negative. */
    public static void notNegative(String what, long value, String where) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be ≥ 0, was " + value + " (" + where + ")");
        }
    }

    /** A fixed price: Autumn accepts at most 2 decimal places (CONTRACT §2.4 P-I5). */
    public static void atMostTwoDecimals(String what, BigDecimal value) {
        if (value.scale() > 2) {
            throw new IllegalArgumentException(
                    what + " can have at most 2 decimal places, was " + value.toPlainString());
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

    /** Parses a decimal string exactly, naming the field when it is not a number. */
    public static BigDecimal decimal(String what, String text) {
        Objects.requireNonNull(text, what);
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a decimal number such as \"9.99\", was '" + text + "'");
        }
    }

    private static String suggestId(String id) {
        String suggestion = id.trim().replaceAll("[^a-zA-Z0-9_-]+", "_").replaceAll("^_+|_+$", "");
        return suggestion.isEmpty() ? "my_id" : suggestion;
    }
}
