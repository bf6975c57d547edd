package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import dev.autumncatalog.dsl.internal.Notes;
import java.math.BigDecimal;

/**
 * Unused balance carried into the next cycle, capped by an amount or a percentage, expiring after some months or
 * never.
 *
 * <pre>{@code
 * rollover().upTo(500).forMonths(1)
 * rollover().upToPercent(50).forever()
 * }</pre>
 *
 * @param max the most units that roll over, or {@code null}
 * @param maxPercentage the most that rolls over as a percentage of the allowance (0, 100], or {@code null}
 * @param months how many months rolled-over units last; 0 means forever
 */
public record Rollover(Long max, BigDecimal maxPercentage, int months) {
    /**
     * Normalises the percentage's scale. Both caps at once, caps out of range and negative months are reported by
     * {@link Catalog#validate()}.
     */
    public Rollover {
        if (maxPercentage != null) {
            maxPercentage = Checks.normalise(maxPercentage);
        }
    }

    /** {@code true} when rolled-over units never expire. */
    public boolean isForever() {
        return months == 0;
    }

    /** The first step of a rollover: choose a cap, then how long it lasts. */
    public static final class Step {
        private final Long max;
        private final BigDecimal percent;
        private final Notes notes;

        Step(Long max, BigDecimal percent, Notes notes) {
            this.max = max;
            this.percent = percent;
            this.notes = notes;
        }

        /** Caps what rolls over at {@code units}. */
        public Step upTo(long units) {
            return new Step(units, null, notes.without("maxPercentage").check("max", Checks.rolloverMax(units)));
        }

        /** Caps what rolls over at {@code percent} % of the allowance. */
        public Step upToPercent(long percent) {
            BigDecimal value = BigDecimal.valueOf(percent);
            return new Step(null, value, notes.without("max").check("maxPercentage", Checks.rolloverPercentage(value)));
        }

        /** Rolled-over units expire after {@code months} months. */
        public Rollover forMonths(int months) {
            String problem = Checks.rolloverForMonths(months);
            if (problem != null) {
                // 0 means forever in the record: keep a count below it, so the rollover cannot pass for valid.
                return notes.unreadable("months", problem).on(new Rollover(max, percent, Math.min(months, -1)));
            }
            return notes.on(new Rollover(max, percent, months));
        }

        /** Rolled-over units never expire. */
        public Rollover forever() {
            return notes.on(new Rollover(max, percent, 0));
        }
    }
}
