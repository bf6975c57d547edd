package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
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
    /** Checks that at most one cap is set and that it is in range. */
    public Rollover {
        if (max != null && maxPercentage != null) {
            throw new IllegalArgumentException("rollover takes a unit cap or a percentage cap, not both; was " + max
                    + " and " + maxPercentage + "%");
        }
        if (max != null && max < 1) {
            throw new IllegalArgumentException("rollover cap must be ≥ 1, was " + max);
        }
        if (maxPercentage != null) {
            maxPercentage = Checks.positive("rollover percentage", maxPercentage);
            if (maxPercentage.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("rollover percentage must be in (0, 100], was " + maxPercentage);
            }
        }
        if (months < 0) {
            throw new IllegalArgumentException("rollover months must be ≥ 0 (0 = forever), was " + months);
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

        Step(Long max, BigDecimal percent) {
            this.max = max;
            this.percent = percent;
        }

        /** Caps what rolls over at {@code units}. */
        public Step upTo(long units) {
            return new Step(units, null);
        }

        /** Caps what rolls over at {@code percent} % of the allowance. */
        public Step upToPercent(long percent) {
            return new Step(null, BigDecimal.valueOf(percent));
        }

        /** Rolled-over units expire after {@code months} months. */
        public Rollover forMonths(int months) {
            if (months < 1) {
                throw new IllegalArgumentException("rollover months must be ≥ 1, was " + months + "; use .forever()");
            }
            return new Rollover(max, percent, months);
        }

        /** Rolled-over units never expire. */
        public Rollover forever() {
            return new Rollover(max, percent, 0);
        }
    }
}
