package dev.autumncatalog.engine.plan;

import dev.autumncatalog.dsl.Cycle;
import dev.autumncatalog.dsl.FreeTrial;
import java.math.BigDecimal;

/** Exact, locale-independent formatting of counts, decimals, money and cycles for plans. */
final class Format {
    private Format() {}

    /** {@code 10000} → {@code 10,000}. */
    static String count(long value) {
        return group(Long.toString(value));
    }

    /** A decimal with grouping and no trailing zeros: {@code 1000.50} → {@code 1,000.5}. */
    static String decimal(BigDecimal value) {
        String plain = normalise(value).toPlainString();
        int dot = plain.indexOf('.');
        return dot < 0 ? group(plain) : group(plain.substring(0, dot)) + plain.substring(dot);
    }

    /** Money in dollars: {@code $20}, {@code $9.90}, {@code $0.005}, {@code $1,000}. */
    static String money(BigDecimal value) {
        BigDecimal amount = normalise(value);
        if (amount.scale() == 1) {
            amount = amount.setScale(2);
        }
        String plain = amount.toPlainString();
        int dot = plain.indexOf('.');
        return "$" + (dot < 0 ? group(plain) : group(plain.substring(0, dot)) + plain.substring(dot));
    }

    /** {@code month}, {@code 3 months}, {@code one-off}. */
    static String cycle(Cycle cycle) {
        return cycle.toString();
    }

    /** How often something is billed: {@code per month}, {@code every 3 months}, {@code once}. */
    static String per(Cycle cycle) {
        if (cycle.isOneOff()) {
            return "once";
        }
        return cycle.count() == 1 ? "per " + cycle : "every " + cycle;
    }

    /** {@code every month}, {@code every 3 months}, {@code once}. */
    static String every(Cycle cycle) {
        return cycle.isOneOff() ? "once" : "every " + cycle;
    }

    /** {@code 14 days}, {@code 1 month}. */
    static String duration(FreeTrial trial) {
        return trial.length() + " " + trial.unit().word() + (trial.length() == 1 ? "" : "s");
    }

    private static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
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
