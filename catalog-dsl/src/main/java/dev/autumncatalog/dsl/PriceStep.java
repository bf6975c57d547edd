package dev.autumncatalog.dsl;

import java.math.BigDecimal;

/** The step of {@link Autumn#priceItem(long)}: how often the amount is billed. Exists only as a return type. */
public final class PriceStep {
    private final BigDecimal amount;

    PriceStep(BigDecimal amount) {
        this.amount = amount;
    }

    /** Billed every week. */
    public PriceItem weekly() {
        return every(1, Interval.WEEK);
    }

    /** Billed every month. */
    public PriceItem monthly() {
        return every(1, Interval.MONTH);
    }

    /** Billed every quarter. */
    public PriceItem quarterly() {
        return every(1, Interval.QUARTER);
    }

    /** Billed every six months. */
    public PriceItem semiAnnually() {
        return every(1, Interval.SEMI_ANNUAL);
    }

    /** Billed every year. */
    public PriceItem yearly() {
        return every(1, Interval.YEAR);
    }

    /** Billed every {@code count} × {@code interval}: {@code every(3, MONTH)}. */
    public PriceItem every(int count, Interval interval) {
        return new PriceItem(amount, Cycle.every(count, interval));
    }

    /** Billed once. */
    public PriceItem oneOff() {
        return new PriceItem(amount, Cycle.ONE_OFF);
    }
}
