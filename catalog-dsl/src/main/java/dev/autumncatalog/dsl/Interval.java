package dev.autumncatalog.dsl;

/** A calendar unit for billing and usage resets. Prices can only be billed weekly or longer. */
public enum Interval {
    /** Every minute; usage resets only. */
    MINUTE,
    /** Every hour; usage resets only. */
    HOUR,
    /** Every day; usage resets only. */
    DAY,
    /** Every week; the shortest billing interval. */
    WEEK,
    /** Every month. */
    MONTH,
    /** Every three months. */
    QUARTER,
    /** Every six months. */
    SEMI_ANNUAL,
    /** Every year. */
    YEAR;

    /** {@code true} when a price may be billed on this interval (Autumn refuses minute, hour and day prices). */
    public boolean isBillable() {
        return compareTo(WEEK) >= 0;
    }

    /** The lower-case word used in messages and on the wire: {@code semi_annual}. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
