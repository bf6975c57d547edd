package dev.autumncatalog.dsl;

import dev.autumncatalog.dsl.internal.Checks;
import dev.autumncatalog.dsl.internal.Notes;
import java.math.BigDecimal;

/** The step of {@link Autumn#priceItem(long)}: how often the amount is billed. Exists only as a return type. */
public final class PriceStep {
    private final BigDecimal amount;
    private final Notes notes;

    PriceStep(BigDecimal amount, Notes notes) {
        this.amount = amount;
        this.notes = notes;
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
        return item(Cycle.every(count, interval));
    }

    /** Billed once. */
    public PriceItem oneOff() {
        return item(Cycle.ONE_OFF);
    }

    private PriceItem item(Cycle billing) {
        return notes.check("billing", Checks.priceBilling(billing)).on(new PriceItem(amount, billing));
    }
}
