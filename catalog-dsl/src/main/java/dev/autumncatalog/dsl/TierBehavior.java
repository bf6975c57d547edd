package dev.autumncatalog.dsl;

/** How tiers price a quantity. */
public enum TierBehavior {
    /** Each unit is priced by the tier it falls in (the default). */
    GRADUATED,
    /** All units are priced by the tier the total falls in. Autumn allows it only for prepaid items. */
    VOLUME
}
