package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import dev.autumncatalog.dsl.internal.Notes;
import java.util.Objects;

/**
 * How often something recurs: a price is billed, or a usage balance resets. {@link #ONE_OFF} means never: a one-off
 * price, or an allowance that does not reset.
 *
 * @param interval the calendar unit, or {@code null} for {@link #ONE_OFF}
 * @param count how many units make one cycle (every 3 months: {@code MONTH, 3}); 1 for {@link #ONE_OFF}
 */
public record Cycle(Interval interval, int count) {
    /** A one-off price, or a balance that never resets. */
    public static final Cycle ONE_OFF = new Cycle(null, 1);

    /**
     * Rejects a one-off cycle with a count, which no step can make. A count below one is reported by {@link
     * Catalog#validate()}.
     *
     * @throws IllegalArgumentException for a one-off cycle with a count other than 1
     */
    public Cycle {
        if (interval == null && count != 1) {
            throw new IllegalArgumentException("a one-off cycle has no count, was " + count);
        }
    }

    /** Every {@code count} units of {@code interval}: {@code Cycle.every(3, Interval.MONTH)}. */
    public static Cycle every(int count, Interval interval) {
        Cycle cycle = new Cycle(Objects.requireNonNull(interval, "interval"), count);
        return Notes.NONE.check("count", Checks.cycleCount(cycle)).on(cycle);
    }

    /** Once per {@code interval}: {@code Cycle.of(Interval.MONTH)}. */
    public static Cycle of(Interval interval) {
        return every(1, interval);
    }

    /** {@code true} for {@link #ONE_OFF}. */
    public boolean isOneOff() {
        return interval == null;
    }

    /** A readable form: {@code one-off}, {@code month}, {@code 3 months}. */
    @Override
    public String toString() {
        if (interval == null) {
            return "one-off";
        }
        return count == 1 ? interval.word() : count + " " + interval.word() + "s";
    }
}
