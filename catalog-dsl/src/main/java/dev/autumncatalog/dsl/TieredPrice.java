package dev.autumncatalog.dsl;

import java.util.List;
import java.util.Objects;

/**
 * A usage price in tiers.
 *
 * @param tiers the tiers, ascending by {@code upTo}, the last one unbounded
 * @param behavior graduated (default) or volume
 */
public record TieredPrice(List<Tier> tiers, TierBehavior behavior) implements UsagePrice {
    /** Copies the tiers; an empty list is reported by {@link Catalog#validate()}. */
    public TieredPrice {
        tiers = List.copyOf(Objects.requireNonNull(tiers, "tiers"));
        Objects.requireNonNull(behavior, "behavior");
    }
}
