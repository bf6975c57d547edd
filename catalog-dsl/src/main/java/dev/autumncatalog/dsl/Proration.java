package dev.autumncatalog.dsl;

import java.util.Objects;

/**
 * Proration of a prepaid quantity change. Autumn accepts it only on prepaid items and does not return it, so a plan
 * cannot show whether the remote matches.
 *
 * @param onIncrease what a raise does
 * @param onDecrease what a cut does
 */
public record Proration(OnIncrease onIncrease, OnDecrease onDecrease) {
    /** Both are required. */
    public Proration {
        Objects.requireNonNull(onIncrease, "onIncrease");
        Objects.requireNonNull(onDecrease, "onDecrease");
    }
}
