package dev.autumncatalog.dsl;

import java.util.Locale;
import java.util.Objects;

/**
 * A free trial of a product.
 *
 * <pre>{@code
 * freeTrial(14).days()
 * freeTrial(1).months().noCardRequired()
 * }</pre>
 *
 * @param length how many units the trial lasts; ≥ 1
 * @param unit day, month or year
 * @param cardRequired whether the customer must give a card to start it (Autumn's default: yes)
 */
public record FreeTrial(int length, Unit unit, boolean cardRequired) {
    /** The unit of a trial length. */
    public enum Unit {
        /** Days. */
        DAY,
        /** Months. */
        MONTH,
        /** Years. */
        YEAR;

        /** The lower-case word: {@code day}. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Checks the length. */
    public FreeTrial {
        Objects.requireNonNull(unit, "unit");
        if (length < 1) {
            throw new IllegalArgumentException("free trial length must be ≥ 1, was " + length);
        }
    }

    /** The same trial without asking for a card. */
    public FreeTrial noCardRequired() {
        return new FreeTrial(length, unit, false);
    }

    /** The first step of a trial: its length; the unit ends it. */
    public static final class Step {
        private final int length;

        Step(int length) {
            this.length = length;
        }

        /** A trial of {@code length} days. */
        public FreeTrial days() {
            return new FreeTrial(length, Unit.DAY, true);
        }

        /** A trial of {@code length} months. */
        public FreeTrial months() {
            return new FreeTrial(length, Unit.MONTH, true);
        }

        /** A trial of {@code length} years. */
        public FreeTrial years() {
            return new FreeTrial(length, Unit.YEAR, true);
        }
    }
}
