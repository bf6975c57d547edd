package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Notes;
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

    /** Requires a unit; a length below one is reported by {@link Catalog#validate()}. */
    public FreeTrial {
        Objects.requireNonNull(unit, "unit");
    }

    /** The same trial without asking for a card. */
    public FreeTrial noCardRequired() {
        return Notes.of(this).on(new FreeTrial(length, unit, false));
    }

    /** The first step of a trial: its length; the unit ends it. */
    public static final class Step {
        private final int length;
        private final Notes notes;

        Step(int length, Notes notes) {
            this.length = length;
            this.notes = notes;
        }

        /** A trial of {@code length} days. */
        public FreeTrial days() {
            return notes.on(new FreeTrial(length, Unit.DAY, true));
        }

        /** A trial of {@code length} months. */
        public FreeTrial months() {
            return notes.on(new FreeTrial(length, Unit.MONTH, true));
        }

        /** A trial of {@code length} years. */
        public FreeTrial years() {
            return notes.on(new FreeTrial(length, Unit.YEAR, true));
        }
    }
}
